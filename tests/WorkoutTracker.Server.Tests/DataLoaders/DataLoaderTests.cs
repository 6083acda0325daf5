using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.SystemTextJson;
using Microsoft.Extensions.DependencyInjection;
using WorkoutTracker.Server.GraphQL.DataLoaders;

namespace WorkoutTracker.Server.Tests.DataLoaders;

/// <summary>Batching, caching and failure of the DataLoaders, through GraphQL.NET's own executer (no database).</summary>
public sealed class DataLoaderTests : IDisposable
{
    private static readonly DataLoaderTestSchema Schema = new();
    private static readonly GraphQLSerializer Serializer = new();

    private readonly FakeStore _store = new();
    private readonly ServiceProvider _services;

    public DataLoaderTests() =>
        _services = new ServiceCollection().AddDataLoaders().AddSingleton(_store).BuildServiceProvider();

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task Sibling_fields_loading_by_key_share_one_fetch_of_distinct_keys()
    {
        var result = await ExecuteAsync("{ posts { author { name } authorName } }");

        Assert.Null(result["errors"]);
        Assert.Equal(["Ada", "Ben", "Cy", "Ada", "Ben", "Dee"], Names(result["data"]!["posts"]!, "author"));
        Assert.Equal(["Ada", "Ben", "Cy", "Ada", "Ben", "Dee"], result["data"]!["posts"]!.AsArray().Select(p => p!["authorName"]!.GetValue<string>()));
        var fetch = Assert.Single(_store.KeysFetchedBy(nameof(PersonByIdDataLoader)));
        Assert.Equal([1, 2, 3, 4], fetch.Order());
    }

    [Fact]
    public async Task Each_nested_level_is_one_fetch_of_only_the_keys_not_loaded_yet()
    {
        var result = await ExecuteAsync("{ posts { author { name bestFriend { name bestFriend { name } } } } }");

        Assert.Null(result["errors"]);
        var first = result["data"]!["posts"]![2]!["author"]!;
        Assert.Equal("Cy", first["name"]!.GetValue<string>());
        Assert.Equal("Fay", first["bestFriend"]!["name"]!.GetValue<string>());
        Assert.Equal("Gus", first["bestFriend"]!["bestFriend"]!["name"]!.GetValue<string>());
        Assert.Equal(
            [[1, 2, 3, 4], [5, 6], [7]],
            _store.KeysFetchedBy(nameof(PersonByIdDataLoader)).Select(keys => keys.Order().ToArray()));
    }

    [Fact]
    public async Task A_key_loaded_earlier_in_the_request_is_served_from_the_cache()
    {
        // Dee's best friend (Ada, 1) was loaded as an author on the level before.
        var result = await ExecuteAsync("{ posts { author { id } } person(id: 4) { bestFriend { name } } }");

        Assert.Null(result["errors"]);
        Assert.Equal("Ada", result["data"]!["person"]!["bestFriend"]!["name"]!.GetValue<string>());
        var fetch = Assert.Single(_store.KeysFetchedBy(nameof(PersonByIdDataLoader)));
        Assert.Equal([1, 2, 3, 4], fetch.Order());
    }

    [Fact]
    public async Task Two_requests_do_not_share_a_cache()
    {
        await ExecuteAsync("{ person(id: 1) { name } }");
        await ExecuteAsync("{ person(id: 1) { name } }");

        Assert.Equal([[1], [1]], _store.KeysFetchedBy(nameof(PersonByIdDataLoader)));
    }

    [Fact]
    public async Task Group_loader_gives_every_key_its_values_and_keys_without_values_an_empty_list()
    {
        var result = await ExecuteAsync("{ posts { id comments { text } } }");

        Assert.Null(result["errors"]);
        var comments = result["data"]!["posts"]!.AsArray().Select(p => p!["comments"]!.AsArray().Select(c => c!["text"]!.GetValue<string>()).ToArray()).ToArray();
        Assert.Equal([["first", "second"], [], ["nice"], ["ok"], [], ["meh"]], comments);
        var fetch = Assert.Single(_store.KeysFetchedBy(nameof(CommentsByPostIdDataLoader)));
        Assert.Equal([1, 2, 3, 4, 5, 6], fetch.Order());
    }

    [Fact]
    public async Task A_failing_fetch_is_an_error_on_exactly_the_fields_that_awaited_it()
    {
        _store.FailComments = true;

        var result = await ExecuteAsync("{ posts { id author { name } comments { text } } }");

        var posts = result["data"]!["posts"]!.AsArray();
        Assert.Equal(6, posts.Count);
        Assert.All(posts, post =>
        {
            Assert.NotNull(post!["author"]!["name"]);
            Assert.Null(post["comments"]);
        });
        var errors = result["errors"]!.AsArray();
        Assert.Equal(6, errors.Count);
        Assert.All(errors, e => Assert.Equal("comments", e!["path"]!.AsArray().Last()!.GetValue<string>()));
        Assert.Equal(Enumerable.Range(0, 6), errors.Select(e => e!["path"]![1]!.GetValue<int>()).Order());
    }

    [Fact]
    public async Task A_failed_batch_is_not_cached_so_a_later_load_fetches_again()
    {
        await using var scope = _services.CreateAsyncScope();
        var loader = scope.ServiceProvider.GetRequiredService<DataLoaderContext>().GetLoader<CommentsByPostIdDataLoader>();
        _store.FailComments = true;
        await Assert.ThrowsAsync<InvalidOperationException>(() => loader.LoadAsync(1).GetResultAsync());

        _store.FailComments = false;
        var comments = await loader.LoadAsync(1).GetResultAsync();

        Assert.Equal(["first", "second"], comments.Select(c => c.Text));
        Assert.Equal(2, _store.KeysFetchedBy(nameof(CommentsByPostIdDataLoader)).Length);
    }

    [Fact]
    public async Task Max_batch_size_splits_a_level_into_several_fetches()
    {
        var loader = new SmallBatches(_store);

        var pending = Enumerable.Range(1, 5).Select(loader.LoadAsync).ToArray();
        var people = await Task.WhenAll(pending.Select(p => p.GetResultAsync()));

        Assert.Equal(["Ada", "Ben", "Cy", "Dee", "Eve"], people.Select(p => p!.Name));
        Assert.Equal([[1, 2], [3, 4], [5]], _store.KeysFetchedBy(nameof(SmallBatches)));
    }

    [Fact]
    public async Task Loading_many_keys_returns_values_in_order_with_null_for_missing_keys()
    {
        var loader = new SmallBatches(_store, maxBatchSize: 10);

        var people = await loader.LoadAsync([2, 99, 1, 2]).GetResultAsync();

        Assert.Equal(["Ben", null, "Ada", "Ben"], people.Select(p => p?.Name));
        Assert.Equal([[2, 99, 1]], _store.KeysFetchedBy(nameof(SmallBatches)));
    }

    [Fact]
    public async Task Cancelling_the_awaiting_request_cancels_the_fetch()
    {
        var loader = new Hanging();
        using var cancellation = new CancellationTokenSource();

        var result = loader.LoadAsync(1).GetResultAsync(cancellation.Token);
        await loader.Started.Task;
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => result);
        Assert.True(await loader.Cancelled.Task);
    }

    private async Task<JsonNode> ExecuteAsync(string query)
    {
        await using var scope = _services.CreateAsyncScope();
        var result = await new DocumentExecuter().ExecuteAsync(options =>
        {
            options.Schema = Schema;
            options.Query = query;
            options.RequestServices = scope.ServiceProvider;
        });
        return JsonNode.Parse(Serializer.Serialize(result))!;
    }

    private static IEnumerable<string> Names(JsonNode posts, string field) =>
        posts.AsArray().Select(p => p![field]!["name"]!.GetValue<string>());

    private sealed class SmallBatches(FakeStore store, int maxBatchSize = 2) : BatchDataLoader<int, Person>(maxBatchSize)
    {
        protected override Task<IReadOnlyDictionary<int, Person>> FetchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
        {
            store.Fetches.Enqueue((nameof(SmallBatches), [.. keys]));
            return Task.FromResult<IReadOnlyDictionary<int, Person>>(FakeStore.People.Where(p => keys.Contains(p.Id)).ToDictionary(p => p.Id));
        }
    }

    private sealed class Hanging : BatchDataLoader<int, Person>
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource<bool> Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task<IReadOnlyDictionary<int, Person>> FetchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
        {
            Started.SetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
                return new Dictionary<int, Person>();
            }
            catch (OperationCanceledException)
            {
                Cancelled.SetResult(true);
                throw;
            }
        }
    }
}
