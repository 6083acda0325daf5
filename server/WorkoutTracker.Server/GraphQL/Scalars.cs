using GraphQL.Types;

namespace WorkoutTracker.Server.GraphQL;

/// <summary>An instant, ISO-8601 with offset (UTC on output); named <c>DateTime</c> as clients expect.</summary>
public sealed class InstantGraphType : DateTimeOffsetGraphType
{
    public InstantGraphType()
    {
        Name = "DateTime";
        Description = "An instant as an ISO-8601 string with offset, e.g. 2026-11-24T18:30:00Z.";
    }
}

/// <summary>A calendar date, ISO-8601 <c>YYYY-MM-DD</c>; named <c>Date</c> as clients expect.</summary>
public sealed class CalendarDateGraphType : DateOnlyGraphType
{
    public CalendarDateGraphType()
    {
        Name = "Date";
        Description = "A calendar date as an ISO-8601 string, e.g. 2026-11-23.";
    }
}
