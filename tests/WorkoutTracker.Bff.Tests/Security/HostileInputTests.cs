using System.Net.Http.Headers;
using System.Text;
using WorkoutTracker.Bff.Tests.Infrastructure;
using WorkoutTracker.Server.Tests.Security;
using Xunit.Abstractions;

namespace WorkoutTracker.Bff.Tests.Security;

/// <summary>
/// The server's corpus of hostile requests, sent through the BFF. A signed-in coach's ad-hoc documents reach
/// the server, which answers each with the status and code the corpus lists (the BFF answers a few itself,
/// listed below); an athlete's are refused at the BFF's allowlist, each with its own code.
/// </summary>
public sealed class HostileInputTests(BffSystem system, ITestOutputHelper output) : IClassFixture<BffSystem>
{
    /// <summary>Where a coach's answer differs from the server's own, and why.</summary>
    private static readonly Dictionary<string, (int Status, string Code)> CoachAtTheBff = new(StringComparer.Ordinal)
    {
        ["mutation with an enormous clientMutationId"] = (200, "FORBIDDEN"), // a coach starts no sessions
        ["oversized body"] = (413, "-"), // the BFF buffers at most Bff:Allowlist:MaxRequestBodyBytes (problem+json)
        ["DELETE"] = (405, "-"), // the proxied route takes GET and POST
    };

    /// <summary>
    /// An athlete's answer for each case: refused by the allowlist (no document outside the manifest reaches the
    /// server), or by the BFF's size limits before it. <c>INVALID_REQUEST</c> is the allowlist unable to read
    /// which document a request names.
    /// </summary>
    private static readonly Dictionary<string, (int Status, string Code)> AthleteAtTheBff = new(StringComparer.Ordinal)
    {
        ["truncated JSON"] = (400, "INVALID_REQUEST"),
        ["JSON with trailing garbage"] = (400, "INVALID_REQUEST"),
        ["JSON number"] = (400, "INVALID_REQUEST"),
        ["JSON null"] = (400, "INVALID_REQUEST"),
        ["query as object"] = (400, "INVALID_REQUEST"),
        ["variables as array"] = (400, "PERSISTED_QUERY_REQUIRED"),
        ["operationName as number"] = (400, "PERSISTED_QUERY_REQUIRED"),
        ["extensions as string"] = (400, "INVALID_REQUEST"),
        ["wrong variable type"] = (400, "PERSISTED_QUERY_REQUIRED"),
        ["int overflow"] = (400, "PERSISTED_QUERY_REQUIRED"),
        ["huge string in query"] = (400, "PERSISTED_QUERY_REQUIRED"),
        ["deep nesting"] = (400, "PERSISTED_QUERY_REQUIRED"),
        ["deep selection"] = (400, "PERSISTED_QUERY_REQUIRED"),
        ["deep JSON variables"] = (400, "INVALID_REQUEST"),
        ["alias bomb"] = (400, "PERSISTED_QUERY_REQUIRED"),
        ["fragment bomb"] = (400, "PERSISTED_QUERY_REQUIRED"),
        ["cyclic fragments"] = (400, "PERSISTED_QUERY_REQUIRED"),
        ["directive storm"] = (400, "PERSISTED_QUERY_REQUIRED"),
        ["batched storm"] = (400, "INVALID_REQUEST"),
        ["unknown persisted id"] = (400, "PERSISTED_QUERY_NOT_FOUND"),
        ["persisted id and query together"] = (400, "PERSISTED_QUERY_REQUIRED"),
        ["malformed persisted id"] = (400, "PERSISTED_QUERY_NOT_FOUND"),
        ["negative limit"] = (400, "PERSISTED_QUERY_REQUIRED"),
        ["mutation with NaN load"] = (400, "PERSISTED_QUERY_REQUIRED"),
        ["mutation with an enormous clientMutationId"] = (400, "PERSISTED_QUERY_REQUIRED"),
        ["SQL in arguments"] = (400, "PERSISTED_QUERY_REQUIRED"),
        ["control characters"] = (400, "PERSISTED_QUERY_REQUIRED"),
        ["invalid UTF-8"] = (400, "INVALID_REQUEST"),
        ["UTF-16 body"] = (400, "INVALID_REQUEST"),
        ["XML body"] = (400, "INVALID_REQUEST"),
        ["form body"] = (400, "INVALID_REQUEST"),
        ["oversized body"] = (413, "-"),
        ["mutation over GET"] = (400, "PERSISTED_QUERY_REQUIRED"),
        ["overlong query string"] = (414, "-"), // Kestrel's request line limit, before any middleware
        ["broken variables"] = (400, "PERSISTED_QUERY_REQUIRED"),
        ["percent garbage"] = (400, "PERSISTED_QUERY_REQUIRED"),
        ["DELETE"] = (400, "PERSISTED_QUERY_REQUIRED"),
    };

    [Fact]
    public async Task A_coachs_hostile_requests_get_the_servers_specific_answers_through_the_bff()
    {
        using var client = await system.SignInCoachAsync();

        var failures = await SendCorpusAsync(client, hostile => CoachAtTheBff.GetValueOrDefault(hostile.Name, (hostile.Status, hostile.Code)), allowlistOnly: false);

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Null((await client.QueryAsync("{ me { role } }")).Errors);
    }

    [Fact]
    public async Task An_athletes_hostile_requests_are_refused_at_the_allowlist_each_with_its_code()
    {
        using var client = await system.SignInAthleteAsync();

        var failures = await SendCorpusAsync(client, hostile => AthleteAtTheBff[hostile.Name], allowlistOnly: true);

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(HostileRequests.Corpus().Select(h => h.Name).Order(StringComparer.Ordinal), AthleteAtTheBff.Keys.Order(StringComparer.Ordinal));
        Assert.Null((await client.PersistedAsync("Me")).Errors);
    }

    private async Task<List<string>> SendCorpusAsync(BffClient client, Func<Hostile, (int Status, string Code)> expected, bool allowlistOnly)
    {
        var report = new StringBuilder();
        var failures = new List<string>();
        foreach (var hostile in HostileRequests.Corpus())
        {
            HttpContent? content = null;
            if (hostile.Body is not null)
            {
                content = new ByteArrayContent(hostile.Body);
                content.Headers.ContentType = MediaTypeHeaderValue.Parse(hostile.ContentType);
            }

            var response = await BffClient.ReadAsync(await client.SendAsync(new HttpMethod(hostile.Method), hostile.Url, content));
            var code = response.FirstErrorCode ?? (response.Data is not null && response.Errors is null ? "data" : "-");
            var (status, wanted) = expected(hostile);
            report.AppendLine($"{hostile.Name,-45} {(int)response.Status} {code}");
            if ((int)response.Status != status || code != wanted)
            {
                failures.Add($"{hostile.Name}: expected {status} {wanted}, got {Short(response)}");
            }
            else if (allowlistOnly && wanted.StartsWith("PERSISTED_QUERY", StringComparison.Ordinal) && !IsAllowlistMessage(response))
            {
                failures.Add($"{hostile.Name}: refused with {wanted}, but not by the BFF's allowlist: {Short(response)}");
            }
        }

        output.WriteLine(report.ToString());
        return failures;
    }

    /// <summary>The allowlist's own wording (WorkoutTracker.Bff.Security.PersistedOperationAllowlist), which the server never uses.</summary>
    private static bool IsAllowlistMessage(GraphQLResult response) =>
        response.Errors?[0]?["message"]?.GetValue<string>() is { } message &&
        (message.StartsWith("Only persisted operations may run here", StringComparison.Ordinal) ||
         message.StartsWith("PersistedQueryNotFound: the operation is not in the manifest", StringComparison.Ordinal));

    private static string Short(GraphQLResult response)
    {
        var text = response.ToString();
        return text.Length <= 300 ? text : text[..300] + "…";
    }
}
