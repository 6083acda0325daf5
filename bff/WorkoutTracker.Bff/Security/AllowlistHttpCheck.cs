using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Options;
using WorkoutTracker.Bff.Session;

namespace WorkoutTracker.Bff.Security;

/// <summary>Section <c>Bff:Allowlist</c>.</summary>
public sealed class AllowlistOptions
{
    public const string SectionName = "Bff:Allowlist";

    /// <summary>The persisted-operation manifest; relative paths are resolved against the app's base directory.</summary>
    public string ManifestPath { get; set; } = "persisted-operations.json";

    /// <summary>Largest GraphQL request body the BFF reads (and buffers); a bigger one is answered 413.</summary>
    public int MaxRequestBodyBytes { get; set; } = 128 * 1024;
}

/// <summary>
/// GraphQL over HTTP through the proxy: buffers a POST body (so it can be checked and, when a server
/// instance cannot be reached, sent again to another) and refuses an athlete's request that names a
/// document outside the manifest with a GraphQL error, status 400.
/// </summary>
internal sealed class AllowlistHttpCheck(PersistedOperationAllowlist allowlist, IOptions<AllowlistOptions> options)
{
    public const string GraphQLResponseMediaType = "application/graphql-response+json; charset=utf-8";

    public async Task<bool> CheckAsync(HttpContext context)
    {
        var request = context.Request;
        byte[]? body = null;
        if (HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method))
        {
            body = await BufferBodyAsync(context);
            if (body is null)
            {
                await Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: $"The request body is larger than {options.Value.MaxRequestBodyBytes} bytes.")
                    .ExecuteAsync(context);
                return false;
            }
        }

        if (context.User.Identity?.IsAuthenticated != true || context.User.IsCoach())
        {
            return true; // coaches may send ad-hoc documents; anonymous requests meet authorization next
        }

        var (operation, error) = body is null ? PersistedOperationAllowlist.Read(request.Query) : ReadBody(body);
        var decision = operation is null
            ? AllowlistDecision.Refuse(PersistedOperationAllowlist.InvalidCode, error ?? "Not a GraphQL request.")
            : allowlist.Check(operation);
        if (decision.Allowed)
        {
            return true;
        }

        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = GraphQLResponseMediaType;
        await context.Response.WriteAsync(ErrorJson(decision.Code!, decision.Message!), context.RequestAborted);
        return false;
    }

    /// <summary><c>{"errors":[{"message":…,"extensions":{"code":…}}]}</c>, the GraphQL shape clients read.</summary>
    public static string ErrorJson(string code, string message) =>
        JsonSerializer.Serialize(new { errors = new[] { ErrorObject(code, message) } }, Json);

    /// <summary>Readable JSON, as the server writes it (no <c>\u0027</c> for an apostrophe).</summary>
    public static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static object ErrorObject(string code, string message) => new { message, extensions = new { code } };

    private static (OperationReference?, string?) ReadBody(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return PersistedOperationAllowlist.Read(document.RootElement);
        }
        catch (JsonException)
        {
            return (null, "The request body is not JSON.");
        }
    }

    /// <summary>Reads the whole body into memory and leaves it rewound for the proxy; null when it is too large.</summary>
    private async Task<byte[]?> BufferBodyAsync(HttpContext context)
    {
        var max = options.Value.MaxRequestBodyBytes;
        var request = context.Request;
        if (request.ContentLength > max)
        {
            return null;
        }

        request.EnableBuffering(bufferThreshold: max, bufferLimit: max + 1L);
        var buffer = new ArrayBufferWriter<byte>(4096);
        try
        {
            while (true)
            {
                var read = await request.Body.ReadAsync(buffer.GetMemory(4096), context.RequestAborted);
                if (read == 0)
                {
                    break;
                }

                buffer.Advance(read);
                if (buffer.WrittenCount > max)
                {
                    return null;
                }
            }
        }
        catch (IOException) when (buffer.WrittenCount >= max)
        {
            return null;
        }

        request.Body.Position = 0;
        return buffer.WrittenSpan.ToArray();
    }
}
