using GraphQL;
using GraphQL.Builders;

namespace WorkoutTracker.Server.GraphQL;

public static class ComplexityExtensions
{
    /// <summary>
    /// A list field whose length the domain bounds (a week has at most 6 training days, a body map 18
    /// muscles): the complexity analyzer multiplies its children by <paramref name="maxItems"/> instead of
    /// the default guess.
    /// </summary>
    public static FieldBuilder<TSource, TReturn> Bounded<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, int maxItems) =>
        field.WithComplexityImpact(1, maxItems);
}
