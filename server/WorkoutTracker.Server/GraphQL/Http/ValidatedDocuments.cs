using System.Diagnostics.Metrics;
using GraphQL;
using GraphQL.DI;
using GraphQL.Validation;
using GraphQL.Validation.Rules.Custom;
using GraphQLParser.AST;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace WorkoutTracker.Server.GraphQL.Http;

/// <summary>
/// Parsed documents that passed every validation rule once, kept by query text (bounded by
/// <see cref="GraphQLEndpointOptions.DocumentCacheCharacters"/>, least recently used out first), so a
/// repeated document is neither parsed nor walked by the ~25 specification rules again.
/// </summary>
/// <remarks>
/// A hit still runs the rules whose answer depends on the request rather than on the text: the ones the
/// transport lists in <see cref="ExecutionOptions.CachedDocumentValidationRules"/> (the HTTP method's
/// operation rule, the authenticated-user rule) and the complexity analyzer, whose score multiplies list
/// fields by their <c>first</c> argument, which a variable may carry. Variables are coerced on every
/// request either way. Runs after the persisted-operation step, so a <c>documentId</c> is cached by the
/// text it stands for.
/// </remarks>
public sealed class ValidatedDocuments : IConfigureExecution, IDisposable
{
    public const string MeterName = "WorkoutTracker.GraphQL";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Lookups = Meter.CreateCounter<long>(
        "workouttracker.graphql.document_cache.lookups", description: "Lookups of a parsed and validated document by its text, tagged hit or miss.");

    private readonly MemoryCache? _documents;
    private long _hits;
    private long _misses;

    public ValidatedDocuments(IOptions<GraphQLEndpointOptions> options)
    {
        var limit = options.Value.DocumentCacheCharacters;
        _documents = limit > 0 ? new MemoryCache(new MemoryCacheOptions { SizeLimit = limit, CompactionPercentage = 0.25 }) : null;
    }

    /// <summary>After the options' configuration (100) and the persisted-operation step, like GraphQL.NET's own cache.</summary>
    public float SortOrder => 200;

    /// <summary>Lookups answered from the cache since start (for tests and diagnostics).</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Lookups that had to parse and validate.</summary>
    public long Misses => Interlocked.Read(ref _misses);

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (_documents is null || options.Document is not null || options.Query is not { } query)
        {
            return await next(options);
        }

        if (_documents.TryGetValue(query, out GraphQLDocument? cached) && cached is not null)
        {
            Interlocked.Increment(ref _hits);
            Lookups.Add(1, new KeyValuePair<string, object?>("result", "hit"));
            options.Document = cached;
            options.ValidationRules = RulesForCachedDocument(options);
            return await next(options);
        }

        Interlocked.Increment(ref _misses);
        Lookups.Add(1, new KeyValuePair<string, object?>("result", "miss"));
        var result = await next(options);
        // Executed means the whole document passed validation; a refused one is never kept.
        if (result.Executed && result.Document is { } document)
        {
            _documents.Set(query, document, new MemoryCacheEntryOptions { Size = Math.Max(1, query.Length) });
        }

        return result;
    }

    private static IValidationRule[] RulesForCachedDocument(ExecutionOptions options)
    {
        var perRequest = options.CachedDocumentValidationRules ?? [];
        var complexity = (options.ValidationRules ?? []).Where(rule => rule is ComplexityValidationRule);
        return [.. perRequest, .. complexity.Except(perRequest)];
    }

    public void Dispose() => _documents?.Dispose();
}
