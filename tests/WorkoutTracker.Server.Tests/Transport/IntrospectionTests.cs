using System.Net;
using WorkoutTracker.Server.Tests.Infrastructure;

namespace WorkoutTracker.Server.Tests.Transport;

/// <summary>Tools (GraphiQL, codegen) send the standard introspection query; it must pass the depth and complexity limits.</summary>
public sealed class IntrospectionTests(WorkoutApiFactory api) : IClassFixture<WorkoutApiFactory>
{
    /// <summary>graphql-js's getIntrospectionQuery() as GraphiQL sends it (descriptions, deprecations, ofType seven levels deep).</summary>
    public const string StandardIntrospection = """
        query IntrospectionQuery {
          __schema {
            queryType { name } mutationType { name } subscriptionType { name }
            types { ...FullType }
            directives { name description locations args { ...InputValue } }
          }
        }
        fragment FullType on __Type {
          kind name description
          fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
          inputFields { ...InputValue }
          interfaces { ...TypeRef }
          enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
          possibleTypes { ...TypeRef }
        }
        fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
        fragment TypeRef on __Type {
          kind name
          ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }
        }
        """;

    [Fact]
    public async Task The_standard_introspection_query_passes_the_limits_without_a_token()
    {
        using var client = api.CreateClient();

        var response = await client.PostGraphQLAsync(StandardIntrospection);

        Assert.True(response.Status == HttpStatusCode.OK && response.Errors is null, response.ToString()[..Math.Min(500, response.ToString().Length)]);
        Assert.Contains(response.Data!["__schema"]!["types"]!.AsArray(), t => t!["name"]!.GetValue<string>() == "WeeklyPlan");
    }

    [Fact]
    public async Task Introspection_nested_beyond_its_own_depth_limit_is_still_refused()
    {
        using var client = api.CreateClient();
        var deep = "{ __schema { types { " + string.Concat(Enumerable.Repeat("ofType { ", 25)) + "name" + new string('}', 25) + " } } }";

        var response = await client.PostGraphQLAsync(deep);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
    }
}
