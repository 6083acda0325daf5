using System.Text;
using Microsoft.AspNetCore.Http.Features;
using WorkoutTracker.Server.Common;
using WorkoutTracker.Server.Identity;
using WorkoutTracker.Server.Progression;

namespace WorkoutTracker.Server.Imports;

/// <summary>
/// The import resources. Files travel over plain HTTP, not GraphQL (GraphQL over HTTP has no file
/// upload, and the BFF's allowlist carries operations, not bytes):
/// <list type="bullet">
/// <item><c>POST /imports?unit=kg|lb&amp;timeZone=Europe/Berlin&amp;fileName=…</c> with the CSV as the body
/// (<c>text/csv</c>): 201 with the preview, <c>Location</c> naming the import; 400 naming line and column
/// for a file we cannot read; 413 past <see cref="HistoryImports.MaxFileCharacters"/>.</item>
/// <item><c>GET /imports/{id}</c>: status, progress and preview (404 for another athlete's, as for none).</item>
/// <item><c>POST /imports/{id}/confirm</c> with <c>{ "matches": { "name": "exercise-id" | null } }</c>: 202, queued.</item>
/// </list>
/// Errors are RFC 9457 problem details with <c>code</c> as the GraphQL errors' <c>extensions.code</c>.
/// </summary>
public static class ImportEndpoints
{
    public sealed record ConfirmRequest(Dictionary<string, string?>? Matches);

    public static IEndpointRouteBuilder MapImports(this IEndpointRouteBuilder endpoints)
    {
        var imports = endpoints.MapGroup("/imports").RequireAuthorization().DisableAntiforgery();
        imports.MapPost("/", UploadAsync);
        imports.MapGet("/{id:guid}", FindAsync);
        imports.MapPost("/{id:guid}/confirm", ConfirmAsync);
        return endpoints;
    }

    private static async Task<IResult> UploadAsync(HttpContext context, CurrentUser current, HistoryImports imports, string? unit, string? timeZone, string? fileName, CancellationToken ct)
    {
        WeightUnit? units = unit?.ToLowerInvariant() switch
        {
            null or "" => null,
            "kg" => WeightUnit.Kg,
            "lb" => WeightUnit.Lb,
            _ => null,
        };
        if (units is null && !string.IsNullOrEmpty(unit))
        {
            return Problem(StatusCodes.Status400BadRequest, "VALIDATION", "unit: must be kg or lb.", ("field", "unit"));
        }

        if (context.Request.ContentLength > HistoryImports.MaxFileCharacters)
        {
            return TooLarge();
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = HistoryImports.MaxFileCharacters;
        }

        string content;
        try
        {
            content = await ReadBoundedAsync(context.Request.Body, ct);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge();
        }
        catch (FileTooLargeException)
        {
            return TooLarge();
        }

        var user = await current.RequireAsync(context.User, ct);
        try
        {
            var view = await imports.UploadAsync(user, fileName ?? "", content, units, timeZone, ct);
            context.Response.Headers.Location = $"/imports/{view.Id}";
            return View(view, StatusCodes.Status201Created);
        }
        catch (ImportFileException ex)
        {
            return Problem(StatusCodes.Status400BadRequest, "IMPORT_FILE_INVALID", ex.Message,
                ("line", ex.Line), ("column", ex.Column), ("columnName", ex.ColumnName), ("problem", ex.Problem));
        }
        catch (DomainException ex)
        {
            return Problem(ex);
        }
    }

    private static async Task<IResult> FindAsync(Guid id, HttpContext context, CurrentUser current, HistoryImports imports, CancellationToken ct)
    {
        try
        {
            return View(await imports.FindAsync(await current.RequireAsync(context.User, ct), id, ct), StatusCodes.Status200OK);
        }
        catch (DomainException ex)
        {
            return Problem(ex);
        }
    }

    private static async Task<IResult> ConfirmAsync(Guid id, ConfirmRequest? request, HttpContext context, CurrentUser current, HistoryImports imports, CancellationToken ct)
    {
        try
        {
            var view = await imports.ConfirmAsync(await current.RequireAsync(context.User, ct), id, request?.Matches ?? [], ct);
            context.Response.Headers.Location = $"/imports/{view.Id}";
            return View(view, StatusCodes.Status202Accepted);
        }
        catch (DomainException ex)
        {
            return Problem(ex);
        }
    }

    /// <summary>Reads the body as UTF-8 (a byte order mark is dropped), refusing more than the limit however the body is framed.</summary>
    private static async Task<string> ReadBoundedAsync(Stream body, CancellationToken ct)
    {
        using var reader = new StreamReader(body, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        var text = new StringBuilder();
        var buffer = new char[16 * 1024];
        int read;
        while ((read = await reader.ReadAsync(buffer, ct)) > 0)
        {
            if (text.Length + read > HistoryImports.MaxFileCharacters)
            {
                throw new FileTooLargeException();
            }

            text.Append(buffer, 0, read);
        }

        return text.ToString();
    }

    /// <summary>The import as JSON with its enums by name, as the schema's enums are.</summary>
    private static IResult View(ImportView view, int status) => Results.Json(view, HistoryImports.Json, statusCode: status);

    private static IResult TooLarge() => Problem(StatusCodes.Status413PayloadTooLarge, "FILE_TOO_LARGE",
        $"The file is larger than {HistoryImports.MaxFileCharacters / (1024 * 1024)} MB; export a shorter period.");

    private static IResult Problem(DomainException ex) => ex switch
    {
        ValidationException v => Problem(StatusCodes.Status400BadRequest, v.Code, v.Message, ("field", v.Field)),
        NotFoundException => Problem(StatusCodes.Status404NotFound, ex.Code, ex.Message),
        ForbiddenException => Problem(StatusCodes.Status403Forbidden, ex.Code, ex.Message),
        UnauthenticatedException => Problem(StatusCodes.Status401Unauthorized, ex.Code, ex.Message),
        _ => Problem(StatusCodes.Status409Conflict, ex.Code, ex.Message),
    };

    private static IResult Problem(int status, string code, string detail, params (string Key, object? Value)[] extensions)
    {
        var fields = new Dictionary<string, object?> { ["code"] = code };
        foreach (var (key, value) in extensions)
        {
            fields[key] = value;
        }

        return Results.Problem(statusCode: status, detail: detail, extensions: fields);
    }

    private sealed class FileTooLargeException : Exception;
}
