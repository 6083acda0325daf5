using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace WorkoutTracker.Bff.Playground;

/// <summary>Section <c>Bff:Playground</c>: the coaches' GraphiQL build (<c>clients/playground</c>).</summary>
public sealed class PlaygroundOptions
{
    public const string SectionName = "Bff:Playground";

    /// <summary>Where the playground is served.</summary>
    public string Path { get; set; } = "/playground";

    /// <summary>The built playground (<c>npm run build</c> in clients/playground); relative to the content root.</summary>
    public string DistPath { get; set; } = "../../clients/playground/dist";
}

public static class PlaygroundExtensions
{
    /// <summary>
    /// Serves the GraphiQL playground's static build at <see cref="PlaygroundOptions.Path"/>. Without the
    /// build the BFF still runs and the path answers 404 with how to build it.
    /// </summary>
    public static WebApplication UsePlayground(this WebApplication app)
    {
        var options = app.Configuration.GetSection(PlaygroundOptions.SectionName).Get<PlaygroundOptions>() ?? new PlaygroundOptions();
        var path = "/" + options.Path.Trim('/');
        var dist = System.IO.Path.GetFullPath(options.DistPath, app.Environment.ContentRootPath);
        if (File.Exists(System.IO.Path.Combine(dist, "index.html")))
        {
            app.UseFileServer(new FileServerOptions
            {
                RequestPath = path,
                FileProvider = new PhysicalFileProvider(dist),
                StaticFileOptions = { OnPrepareResponse = NoCacheForHtml },
            });
        }
        else
        {
            app.Map(path, missing => missing.Run(async context =>
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync(
                    $"The GraphQL playground is not built ({dist} has no index.html). Build it with: cd clients/playground && npm ci && npm run build");
            }));
        }

        return app;
    }

    /// <summary>index.html is revalidated on every visit; the hashed assets may be cached.</summary>
    internal static void NoCacheForHtml(Microsoft.AspNetCore.StaticFiles.StaticFileResponseContext context)
    {
        if (context.File.Name.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
        {
            context.Context.Response.Headers[HeaderNames.CacheControl] = "no-cache";
        }
    }
}
