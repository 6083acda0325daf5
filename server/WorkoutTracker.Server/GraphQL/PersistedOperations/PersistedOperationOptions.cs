namespace WorkoutTracker.Server.GraphQL.PersistedOperations;

/// <summary>Section <c>GraphQL:PersistedOperations</c>.</summary>
public sealed class PersistedOperationOptions
{
    public const string SectionName = "GraphQL:PersistedOperations";

    /// <summary>The manifest; relative paths are resolved against the app's base directory.</summary>
    public string ManifestPath { get; set; } = "persisted-operations.json";

    /// <summary>When set, only operations of the manifest run (ad-hoc documents are refused).</summary>
    public bool OnlyPersisted { get; set; }
}
