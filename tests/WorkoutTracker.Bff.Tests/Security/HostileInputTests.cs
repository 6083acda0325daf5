using System.Net.Http.Headers;
using System.Text;
using WorkoutTracker.Bff.Tests.Infrastructure;
using WorkoutTracker.Server.Tests.Security;
using Xunit.Abstractions;

namespace WorkoutTracker.Bff.Tests.Security;

/// <summary>
/// The server's corpus of hostile requests, sent through the BFF by a signed-in coach (ad-hoc documents
/// reach the server) and by an athlete (refused at the allowlist): never a 500, the BFF stays up.
/// </summary>
public sealed class HostileInputTests(BffSystem system, ITestOutputHelper output) : IClassFixture<BffSystem>
{
    [Theory]
    [InlineData("coach")]
    [InlineData("athlete")]
    public async Task No_hostile_request_through_the_bff_gets_a_500(string who)
    {
        using var client = who == "coach" ? await system.SignInCoachAsync() : await system.SignInAthleteAsync();
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
            report.AppendLine($"{hostile.Name,-45} {(int)response.Status} {response.FirstErrorCode}");
            if ((int)response.Status >= 500)
            {
                failures.Add($"{hostile.Name}: {response}");
            }
        }

        output.WriteLine(report.ToString());
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        var me = who == "coach" ? await client.QueryAsync("{ me { role } }") : await client.PersistedAsync("Me");
        Assert.Null(me.Errors);
    }
}
