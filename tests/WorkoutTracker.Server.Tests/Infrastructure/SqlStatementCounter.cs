using System.Collections.Concurrent;
using System.Diagnostics;

namespace WorkoutTracker.Server.Tests.Infrastructure;

/// <summary>
/// Records every SQL command Npgsql runs against one database while it is alive (Npgsql's own
/// ActivitySource, so EF queries and raw commands alike). Databases are per test class, so statements
/// of other classes running in parallel are not counted; nor are the event log's own background reads
/// and wake-ups, which each instance makes whatever the requests are.
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

    private static bool IsEventLogBackgroundWork(string text) =>
        text.Contains("pg_current_snapshot()", StringComparison.Ordinal) || text.Contains("pg_notify('event_log'", StringComparison.Ordinal) ||
        text.StartsWith("LISTEN ", StringComparison.Ordinal);

    private void OnStopped(Activity activity)
    {
        var database = activity.GetTagItem("db.namespace") as string ?? activity.GetTagItem("db.name") as string;
        if (database != _database)
        {
            return;
        }

        var text = activity.GetTagItem("db.query.text") as string ?? activity.GetTagItem("db.statement") as string;
        if (text is not null && !IsEventLogBackgroundWork(text))
        {
            _statements.Enqueue(text);
        }
    }
}
