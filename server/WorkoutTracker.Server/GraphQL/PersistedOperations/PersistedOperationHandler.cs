using GraphQL;
using GraphQL.PersistedDocuments;

namespace WorkoutTracker.Server.GraphQL.PersistedOperations;

/// <summary>
/// GraphQL.NET's persisted-document step, fed by our manifest, answering an unknown id with the code
/// clients know from Apollo's automatic persisted queries: <c>PERSISTED_QUERY_NOT_FOUND</c>.
/// </summary>
public sealed class PersistedOperationHandler(PersistedOperationManifest manifest, PersistedOperationOptions options)
    : PersistedDocumentHandler(new PersistedDocumentOptions
    {
        AllowOnlyPersistedDocuments = options.OnlyPersisted,
        GetQueryDelegate = (_, prefix, payload) => new ValueTask<string?>(manifest.Find($"{prefix ?? PersistedOperationManifest.Prefix}:{payload}")),
    })
{
    protected override ExecutionResult CreateExecutionResult(ExecutionError error) => error switch
    {
        DocumentNotFoundError => new ExecutionResult(new ExecutionError("PersistedQueryNotFound") { Code = "PERSISTED_QUERY_NOT_FOUND" }),
        DocumentIdMissingError => new ExecutionResult(new ExecutionError("Only persisted operations are accepted here: send a documentId.") { Code = "PERSISTED_QUERY_REQUIRED" }),
        DocumentIdInvalidError => new ExecutionResult(new ExecutionError("The documentId is not of the form sha256:<64 lowercase hex digits>.") { Code = "PERSISTED_QUERY_ID_INVALID" }),
        _ => base.CreateExecutionResult(error),
    };
}
