using System.Collections.Concurrent;
using System.Diagnostics;

namespace WorkoutTracker.Server.Tests.Infrastructure;

/// <summary>
/// Records every SQL command Npgsql runs against one database while it is alive (Npgsql's own
/// ActivitySource, so EF queries and raw commands alike). Databases are per test class, so statements
/// of other classes running in parallel are not counted.
/// </summary>
public sealed class SqlStatementCounter : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<string> _statements = new();
    private readonly string _database;

    public SqlStatementCounter(string connectionString)
    {
        _database = new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Database!;
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = OnStopped,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyList<string> Statements => [.. _statements];

    public int Count => _statements.Count;

    public void Reset() => _statements.Clear();

    public void Dispose() => _listener.Dispose();

    private void OnStopped(Activity activity)
    {
        var database = activity.GetTagItem("db.namespace") as string ?? activity.GetTagItem("db.name") as string;
        if (database != _database)
        {
            return;
        }

        var text = activity.GetTagItem("db.query.text") as string ?? activity.GetTagItem("db.statement") as string;
        if (text is not null)
        {
            _statements.Enqueue(text);
        }
    }
}
