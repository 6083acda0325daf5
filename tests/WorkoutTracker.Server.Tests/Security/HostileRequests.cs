using System.Text;

namespace WorkoutTracker.Server.Tests.Security;

/// <summary>A malformed or hostile HTTP request.</summary>
/// <param name="MustBeRejected">False for hostile-looking input that is valid (a search for SQL): it must only do no harm.</param>
public sealed record Hostile(string Name, string Method, string Url, byte[]? Body, string ContentType = "application/json", bool MustBeRejected = true);

/// <summary>
/// The corpus of malformed and hostile requests sent to /graphql, shared by the server's and the BFF's
/// tests: broken and wrong-typed JSON, huge strings, deep nesting, alias and fragment bombs, batched
/// storms, invalid UTF-8, unknown persisted ids, wrong media types and methods.
/// </summary>
public static class HostileRequests
{
    private static Hostile Post(string name, string body) => new(name, "POST", "/graphql", Encoding.UTF8.GetBytes(body));

    private static Hostile Get(string name, string query) => new(name, "GET", "/graphql?" + query, null);

    public static IEnumerable<Hostile> Corpus()
    {
        yield return Post("truncated JSON", "{\"query\": \"{ me { id }");
        yield return Post("JSON with trailing garbage", "{\"query\": \"{ me { id } }\"} xyz");
        yield return Post("JSON number", "42");
        yield return Post("JSON null", "null");
        yield return Post("query as object", "{\"query\": {\"a\": 1}}");
        yield return Post("variables as array", "{\"query\": \"{ me { id } }\", \"variables\": [1]}");
        yield return Post("operationName as number", "{\"query\": \"{ me { id } }\", \"operationName\": 7}");
        yield return Post("extensions as string", "{\"query\": \"{ me { id } }\", \"extensions\": \"x\"}");
        yield return Post("wrong variable type", "{\"query\": \"query($id: ID!) { session(id: $id) { id } }\", \"variables\": {\"id\": {\"x\": 1}}}");
        yield return Post("int overflow", "{\"query\": \"{ sessions(first: 99999999999999999999) { edges { cursor } } }\"}");
        yield return Post("huge string in query", "{\"query\": \"{ exercises(filter: { search: \\\"" + new string('a', 100_000) + "\\\" }) { id } }\"}");
        yield return Post("deep nesting", "{\"query\": \"" + new string('{', 5000) + "\"}");
        yield return Post("deep selection", "{\"query\": \"{ me " + string.Concat(Enumerable.Repeat("{ id ", 2000)) + new string('}', 2001) + "\"}");
        yield return Post("deep JSON variables", "{\"query\": \"{ me { id } }\", \"variables\": " + new string('[', 3000) + new string(']', 3000) + "}");
        yield return Post("alias bomb", "{\"query\": \"{ " + string.Concat(Enumerable.Range(0, 3000).Select(i => $"a{i}: exercises {{ id }} ")) + "}\"}");
        yield return Post("fragment bomb", "{\"query\": \"{ ...F0 } " + string.Concat(Enumerable.Range(0, 30).Select(i => $"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }} ")) + "fragment F30 on Query { me { id } }\"}");
        yield return Post("cyclic fragments", "{\"query\": \"{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }\"}");
        yield return Post("directive storm", "{\"query\": \"{ me " + string.Concat(Enumerable.Repeat("@include(if: true) ", 5000)) + "{ id } }\"}");
        yield return Post("batched storm", "[" + string.Join(",", Enumerable.Repeat("{\"query\": \"{ me { id } }\"}", 1000)) + "]");
        yield return Post("unknown persisted id", "{\"documentId\": \"sha256:" + new string('0', 64) + "\"}");
        yield return Post("persisted id and query together", "{\"documentId\": \"sha256:" + new string('0', 64) + "\", \"query\": \"{ me { id } }\"}");
        yield return Post("malformed persisted id", "{\"documentId\": \"sha256:../../etc/passwd\"}");
        yield return Post("negative limit", "{\"query\": \"{ sessions(first: -5) { edges { cursor } } }\"}");
        yield return Post("mutation with NaN load", "{\"query\": \"mutation { logSet(input: { clientMutationId: \\\"x\\\", sessionId: \\\"00000000-0000-0000-0000-000000000000\\\", exerciseId: \\\"pull-up\\\", loadKg: NaN, reps: 1 }) { setId } }\"}");
        yield return Post("mutation with an enormous clientMutationId", "{\"query\": \"mutation { startSession(input: { clientMutationId: \\\"" + new string('x', 10_000) + "\\\" }) { replayed } }\"}");
        yield return Post("SQL in arguments", "{\"query\": \"{ exercises(filter: { search: \\\"'; DROP TABLE sets; --\\\" }) { id } }\"}") with { MustBeRejected = false };
        yield return Post("control characters", "{\"query\": \"{ me { id } }\\u0000\\u0001\"}");
        yield return new Hostile("invalid UTF-8", "POST", "/graphql", [0x7B, 0x22, 0x71, 0xFF, 0xFE, 0x22, 0x3A, 0x22, 0x7D]);
        yield return new Hostile("UTF-16 body", "POST", "/graphql", Encoding.Unicode.GetBytes("{\"query\": \"{ me { id } }\"}"));
        yield return new Hostile("XML body", "POST", "/graphql", Encoding.UTF8.GetBytes("<query/>"), "application/xml");
        yield return new Hostile("form body", "POST", "/graphql", Encoding.UTF8.GetBytes("query=%7Bme%7Bid%7D%7D"), "application/x-www-form-urlencoded");
        yield return new Hostile("oversized body", "POST", "/graphql", Encoding.UTF8.GetBytes("{\"query\": \"" + new string(' ', 2_000_000) + "{ me { id } }\"}"));
        yield return Get("mutation over GET", "query=" + Uri.EscapeDataString("mutation { startSession(input: { clientMutationId: \"get\" }) { replayed } }"));
        yield return Get("overlong query string", "query=" + new string('a', 40_000));
        yield return Get("broken variables", "query=%7Bme%7Bid%7D%7D&variables=%7B%7B%7B");
        yield return Get("percent garbage", "query=%ZZ%E0%A4%A");
        yield return new Hostile("DELETE", "DELETE", "/graphql", null);
    }
}
