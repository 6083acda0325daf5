using System.Collections.Concurrent;
using GraphQL;
using GraphQL.Types;
using WorkoutTracker.Server.GraphQL.DataLoaders;

namespace WorkoutTracker.Server.Tests.DataLoaders;

public sealed record Person(int Id, string Name, int? BestFriendId);

public sealed record Post(int Id, int AuthorId);

public sealed record Comment(int PostId, string Text);

/// <summary>The test data and a record of every fetch the loaders made (one per test).</summary>
public sealed class FakeStore
{
    public static readonly Post[] Posts = [new(1, 1), new(2, 2), new(3, 3), new(4, 1), new(5, 2), new(6, 4)];

    public static readonly Person[] People =
    [
        new(1, "Ada", 2), new(2, "Ben", 5), new(3, "Cy", 6), new(4, "Dee", 1),
        new(5, "Eve", 1), new(6, "Fay", 7), new(7, "Gus", null),
    ];

    /// <summary>Posts 2 and 5 have no comments.</summary>
    public static readonly Comment[] Comments = [new(1, "first"), new(1, "second"), new(3, "nice"), new(4, "ok"), new(6, "meh")];

    public ConcurrentQueue<(string Loader, int[] Keys)> Fetches { get; } = new();

    public bool FailComments { get; set; }

    public int[][] KeysFetchedBy(string loader) => [.. Fetches.Where(f => f.Loader == loader).Select(f => f.Keys)];
}

public sealed class PersonByIdDataLoader(FakeStore store) : BatchDataLoader<int, Person>
{
    protected override async Task<IReadOnlyDictionary<int, Person>> FetchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        store.Fetches.Enqueue((nameof(PersonByIdDataLoader), [.. keys]));
        await Task.Yield();
        return FakeStore.People.Where(p => keys.Contains(p.Id)).ToDictionary(p => p.Id);
    }
}

public sealed class CommentsByPostIdDataLoader(FakeStore store) : GroupDataLoader<int, Comment>
{
    protected override async Task<ILookup<int, Comment>> FetchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        store.Fetches.Enqueue((nameof(CommentsByPostIdDataLoader), [.. keys]));
        await Task.Delay(10, cancellationToken);
        return store.FailComments
            ? throw new InvalidOperationException("comment store is down")
            : FakeStore.Comments.Where(c => keys.Contains(c.PostId)).ToLookup(c => c.PostId);
    }
}

public sealed class DataLoaderTestSchema : global::GraphQL.Types.Schema
{
    public DataLoaderTestSchema() => Query = new QueryType();

    private sealed class QueryType : ObjectGraphType
    {
        public QueryType()
        {
            Field<NonNullGraphType<ListGraphType<NonNullGraphType<PostType>>>>("posts").Resolve(_ => FakeStore.Posts);
            Field<PersonType>("person")
                .Argument<NonNullGraphType<IntGraphType>>("id")
                .Resolve(context => context.GetDataLoader<PersonByIdDataLoader>().LoadAsync(context.GetArgument<int>("id")));
        }
    }

    private sealed class PostType : ObjectGraphType<Post>
    {
        public PostType()
        {
            Name = "Post";
            Field(p => p.Id);
            Field<PersonType>("author").Resolve(context => context.GetDataLoader<PersonByIdDataLoader>().LoadAsync(context.Source.AuthorId));
            Field<StringGraphType>("authorName")
                .Resolve(context => context.GetDataLoader<PersonByIdDataLoader>().LoadAsync(context.Source.AuthorId).Then(p => p?.Name));
            Field<ListGraphType<NonNullGraphType<CommentType>>>("comments")
                .Resolve(context => context.GetDataLoader<CommentsByPostIdDataLoader>().LoadAsync(context.Source.Id));
        }
    }

    private sealed class PersonType : ObjectGraphType<Person>
    {
        public PersonType()
        {
            Name = "Person";
            Field(p => p.Id);
            Field(p => p.Name);
            Field<PersonType>("bestFriend").Resolve(context => context.Source.BestFriendId is { } id
                ? context.GetDataLoader<PersonByIdDataLoader>().LoadAsync(id)
                : null);
        }
    }

    private sealed class CommentType : ObjectGraphType<Comment>
    {
        public CommentType()
        {
            Name = "Comment";
            Field(c => c.Text);
        }
    }
}
