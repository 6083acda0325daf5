using System.Text;

namespace WorkoutTracker.Server.Tests.Security;

/// <summary>A malformed or hostile HTTP request and how the server must answer it.</summary>
/// <param name="Status">The status the server answers.</param>
/// <param name="Code">The first error's <c>extensions.code</c>; <c>data</c> for hostile-looking input that is valid (a search for SQL), <c>-</c> for an answer without a body.</param>
public sealed record Hostile(string Name, int Status, string Code, string Method, string Url, byte[]? Body, string ContentType = "application/json");

/// <summary>
/// The corpus of malformed and hostile requests sent to /graphql, shared by the server's and the BFF's
/// tests: broken and wrong-typed JSON, huge strings, deep nesting, alias and fragment bombs, batched
/// storms, invalid UTF-8, unknown persisted ids, wrong media types and methods.
/// </summary>
public static class HostileRequests
{
    private static Hostile Post(string name, int status, string code, string body) => new(name, status, code, "POST", "/graphql", Encoding.UTF8.GetBytes(body));

    private static Hostile Get(string name, int status, string code, string query) => new(name, status, code, "GET", "/graphql?" + query, null);

    public static IEnumerable<Hostile> Corpus()
    {
        yield return Post("truncated JSON", 400, "INVALID_JSON", "{\"query\": \"{ me { id }");
        yield return Post("JSON with trailing garbage", 400, "INVALID_JSON", "{\"query\": \"{ me { id } }\"} xyz");
        yield return Post("JSON number", 400, "INVALID_REQUEST", "42");
        yield return Post("JSON null", 400, "INVALID_REQUEST", "null");
        yield return Post("query as object", 400, "INVALID_JSON", "{\"query\": {\"a\": 1}}");
        yield return Post("variables as array", 400, "INVALID_JSON", "{\"query\": \"{ me { id } }\", \"variables\": [1]}");
        yield return Post("operationName as number", 400, "INVALID_JSON", "{\"query\": \"{ me { id } }\", \"operationName\": 7}");
        yield return Post("extensions as string", 400, "INVALID_JSON", "{\"query\": \"{ me { id } }\", \"extensions\": \"x\"}");
        yield return Post("wrong variable type", 400, "INVALID_VALUE", "{\"query\": \"query($id: ID!) { session(id: $id) { id } }\", \"variables\": {\"id\": {\"x\": 1}}}");
        yield return Post("int overflow", 400, "ARGUMENTS_OF_CORRECT_TYPE", "{\"query\": \"{ sessions(first: 99999999999999999999) { edges { cursor } } }\"}");
        yield return Post("huge string in query", 200, "VALIDATION", "{\"query\": \"{ exercises(filter: { search: \\\"" + new string('a', 100_000) + "\\\" }) { id } }\"}");
        yield return Post("deep nesting", 400, "SYNTAX_ERROR", "{\"query\": \"" + new string('{', 5000) + "\"}");
        yield return Post("deep selection", 400, "MAX_DEPTH_EXCEEDED", "{\"query\": \"{ me " + string.Concat(Enumerable.Repeat("{ id ", 2000)) + new string('}', 2001) + "\"}");
        yield return Post("deep JSON variables", 400, "INVALID_JSON", "{\"query\": \"{ me { id } }\", \"variables\": " + new string('[', 3000) + new string(']', 3000) + "}");
        yield return Post("alias bomb", 400, "DOCUMENT_TOO_LARGE", "{\"query\": \"{ " + string.Concat(Enumerable.Range(0, 3000).Select(i => $"a{i}: exercises {{ id }} ")) + "}\"}");
        yield return Post("fragment bomb", 400, "DOCUMENT_TOO_LARGE", "{\"query\": \"{ ...F0 } " + string.Concat(Enumerable.Range(0, 30).Select(i => $"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }} ")) + "fragment F30 on Query { me { id } }\"}");
        yield return Post("cyclic fragments", 400, "NO_FRAGMENT_CYCLES", "{\"query\": \"{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }\"}");
        yield return Post("directive storm", 400, "UNIQUE_DIRECTIVES_PER_LOCATION", "{\"query\": \"{ me " + string.Concat(Enumerable.Repeat("@include(if: true) ", 5000)) + "{ id } }\"}");
        yield return Post("batched storm", 400, "BATCH_NOT_SUPPORTED", "[" + string.Join(",", Enumerable.Repeat("{\"query\": \"{ me { id } }\"}", 1000)) + "]");
        yield return Post("unknown persisted id", 400, "PERSISTED_QUERY_NOT_FOUND", "{\"documentId\": \"sha256:" + new string('0', 64) + "\"}");
        yield return Post("persisted id and query together", 400, "INVALID_REQUEST", "{\"documentId\": \"sha256:" + new string('0', 64) + "\", \"query\": \"{ me { id } }\"}");
        yield return Post("malformed persisted id", 400, "PERSISTED_QUERY_ID_INVALID", "{\"documentId\": \"sha256:../../etc/passwd\"}");
        yield return Post("negative limit", 200, "VALIDATION", "{\"query\": \"{ sessions(first: -5) { edges { cursor } } }\"}");
        yield return Post("mutation with NaN load", 400, "ARGUMENTS_OF_CORRECT_TYPE", "{\"query\": \"mutation { logSet(input: { clientMutationId: \\\"x\\\", sessionId: \\\"00000000-0000-0000-0000-000000000000\\\", exerciseId: \\\"pull-up\\\", loadKg: NaN, reps: 1 }) { setId } }\"}");
        yield return Post("mutation with an enormous clientMutationId", 200, "VALIDATION", "{\"query\": \"mutation { startSession(input: { clientMutationId: \\\"" + new string('x', 10_000) + "\\\" }) { replayed } }\"}");
        yield return Post("SQL in arguments", 200, "data", "{\"query\": \"{ exercises(filter: { search: \\\"'; DROP TABLE sets; --\\\" }) { id } }\"}");
        yield return Post("control characters", 400, "SYNTAX_ERROR", "{\"query\": \"{ me { id } }\\u0000\\u0001\"}");
        yield return new Hostile("invalid UTF-8", 400, "INVALID_JSON", "POST", "/graphql", [0x7B, 0x22, 0x71, 0xFF, 0xFE, 0x22, 0x3A, 0x22, 0x7D]);
        yield return new Hostile("UTF-16 body", 400, "INVALID_JSON", "POST", "/graphql", Encoding.Unicode.GetBytes("{\"query\": \"{ me { id } }\"}"));
        yield return new Hostile("XML body", 415, "UNSUPPORTED_MEDIA_TYPE", "POST", "/graphql", Encoding.UTF8.GetBytes("<query/>"), "application/xml");
        yield return new Hostile("form body", 415, "UNSUPPORTED_MEDIA_TYPE", "POST", "/graphql", Encoding.UTF8.GetBytes("query=%7Bme%7Bid%7D%7D"), "application/x-www-form-urlencoded");
        yield return new Hostile("oversized body", 413, "REQUEST_TOO_LARGE", "POST", "/graphql", Encoding.UTF8.GetBytes("{\"query\": \"" + new string(' ', 2_000_000) + "{ me { id } }\"}"));
        yield return Get("mutation over GET", 405, "METHOD_NOT_ALLOWED", "query=" + Uri.EscapeDataString("mutation { startSession(input: { clientMutationId: \"get\" }) { replayed } }"));
        // Longer than Kestrel's request line (8 KB): Kestrel answers 414 itself, before the GraphQL endpoint and its 16 KB limit.
        yield return Get("overlong query string", 414, "-", "query=" + new string('a', 40_000));
        yield return Get("broken variables", 400, "INVALID_JSON", "query=%7Bme%7Bid%7D%7D&variables=%7B%7B%7B");
        yield return Get("percent garbage", 400, "SYNTAX_ERROR", "query=%ZZ%E0%A4%A");
        yield return new Hostile("DELETE", 405, "-", "DELETE", "/graphql", null);
    }
}
