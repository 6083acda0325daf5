using GraphQL;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace WorkoutTracker.Server.GraphQL.DataLoaders;

/// <summary>
/// The DataLoaders of one request (HTTP request, WebSocket operation, or subscription event): a scoped
/// service that creates each loader on first use, with its constructor services from the same scope,
/// and hands the same instance to every resolver after that, so batches and the cache are per request.
/// </summary>
public sealed class DataLoaderContext(IServiceProvider services)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<object, object> _loaders = [];

    /// <summary>The request's instance of <typeparamref name="TLoader"/>.</summary>
    public TLoader GetLoader<TLoader>()
        where TLoader : class =>
        GetOrAdd(typeof(TLoader), () => ActivatorUtilities.CreateInstance<TLoader>(services));

    /// <summary>The request's loader named <paramref name="name"/>, made by <paramref name="create"/> on first use.</summary>
    public TLoader GetOrAdd<TLoader>(string name, Func<IServiceProvider, TLoader> create)
        where TLoader : class =>
        GetOrAdd((name, typeof(TLoader)), () => create(services));

    private TLoader GetOrAdd<TLoader>(object key, Func<TLoader> create)
        where TLoader : class
    {
        lock (_gate)
        {
            if (!_loaders.TryGetValue(key, out var loader))
            {
                loader = create();
                _loaders.Add(key, loader);
            }

            return (TLoader)loader;
        }
    }
}

public static class DataLoaderExtensions
{
    /// <summary>Registers the per-request <see cref="DataLoaderContext"/>.</summary>
    public static IServiceCollection AddDataLoaders(this IServiceCollection services)
    {
        services.TryAddScoped<DataLoaderContext>();
        return services;
    }

    /// <summary>The request's instance of <typeparamref name="TLoader"/> (see <see cref="BatchDataLoader{TKey, TValue}"/>).</summary>
    public static TLoader GetDataLoader<TLoader>(this IResolveFieldContext context)
        where TLoader : class =>
        (context.RequestServices ?? throw new InvalidOperationException("DataLoaders need ExecutionOptions.RequestServices."))
            .GetRequiredService<DataLoaderContext>()
            .GetLoader<TLoader>();
}
