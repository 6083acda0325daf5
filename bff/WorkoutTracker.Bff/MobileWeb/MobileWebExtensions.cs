using Microsoft.Extensions.FileProviders;
using WorkoutTracker.Bff.Playground;

namespace WorkoutTracker.Bff.MobileWeb;

/// <summary>Section <c>Bff:MobileWeb</c>: the mobile app's web build, served at <c>/</c> as a single-page app.</summary>
public sealed class MobileWebOptions
{
    public const string SectionName = "Bff:MobileWeb";

    /// <summary><c>npm run export:web</c> in clients/mobile; relative to the content root. A missing folder is simply not served.</summary>
    public string DistPath { get; set; } = "../../clients/mobile/dist";
}

public static class MobileWebExtensions
{
    /// <summary>Paths the single-page app never answers (the BFF's own endpoints).</summary>
    private static readonly string[] ReservedPrefixes = ["/bff", "/graphql", "/health"];

    /// <summary>Static files of the mobile web build at <c>/</c>; unknown paths without a file extension get its index.html.</summary>
    public static WebApplication UseMobileWeb(this WebApplication app)
    {
        if (MobileWebRoot(app) is not { } provider)
        {
            return app;
        }

        app.UseFileServer(new FileServerOptions { FileProvider = provider, StaticFileOptions = { OnPrepareResponse = PlaygroundExtensions.NoCacheForHtml } });
        return app;
    }

    public static WebApplication MapMobileWebFallback(this WebApplication app)
    {
        if (MobileWebRoot(app) is not { } provider)
        {
            return app;
        }

        app.MapFallback("{*path:nonfile}", async context =>
        {
            if (ReservedPrefixes.Any(prefix => context.Request.Path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase)))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.Headers.CacheControl = "no-cache";
            await context.Response.SendFileAsync(provider.GetFileInfo("index.html"));
        });
        return app;
    }

    private static PhysicalFileProvider? MobileWebRoot(WebApplication app)
    {
        var options = app.Configuration.GetSection(MobileWebOptions.SectionName).Get<MobileWebOptions>() ?? new MobileWebOptions();
        var dist = Path.GetFullPath(options.DistPath, app.Environment.ContentRootPath);
        return File.Exists(Path.Combine(dist, "index.html")) ? new PhysicalFileProvider(dist) : null;
    }
}
