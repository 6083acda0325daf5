using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection;
using WorkoutTracker.Bff.Tests.Infrastructure;

namespace WorkoutTracker.Bff.Tests.Session;

/// <summary>
/// The BFF and the server configured for Entra ID against a local OpenID Connect provider shaped like it
/// (<see cref="FakeEntraId"/>): the browser signs in through the authorization-code flow (Microsoft.Identity.Web,
/// form_post), the BFF redeems the code and acquires the server API's token with MSAL, refreshes it when it nears
/// expiry, forwards it on /graphql, and signs out. The only test-only change: both hosts trust the provider's
/// certificate, and the correlation cookies may travel over the tests' plain-HTTP loopback.
/// </summary>
public sealed class EntraIdSignInTests(EntraIdSignInTests.EntraIdSystem system) : IClassFixture<EntraIdSignInTests.EntraIdSystem>
{
    public sealed class EntraIdSystem : BffSystem
    {
        public FakeEntraId EntraId { get; private set; } = null!;

        protected override async Task BeforeStartAsync() => EntraId = await FakeEntraId.StartAsync();

        protected override void Configure(IDictionary<string, string?> server, IDictionary<string, string?> bff)
        {
            foreach (var settings in new[] { server, bff })
            {
                settings["AzureAd:Instance"] = EntraId.Instance.ToString();
                settings["AzureAd:TenantId"] = FakeEntraId.TenantId;
                settings["AzureAd:ClientId"] = FakeEntraId.ClientId;
            }

            server["AzureAd:Audience"] = FakeEntraId.ClientId;
            bff["AzureAd:ClientSecret"] = FakeEntraId.ClientSecret;
            bff["AzureAd:CallbackPath"] = "/signin-oidc";
            bff["Server:Scopes:0"] = $"api://{FakeEntraId.ClientId}/{FakeEntraId.ApiScope}";
        }

        protected override void ConfigureServices(IServiceCollection services)
        {
            services.ConfigureHttpClientDefaults(client => client.ConfigurePrimaryHttpMessageHandler(EntraId.RoutingHandler));
            services.Configure<Microsoft.Identity.Web.AadIssuerValidatorOptions>(o => o.HttpClientName = "entra-id-metadata");
            services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, jwt => jwt.BackchannelHttpHandler = EntraId.TrustingHandler());
            services.Configure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, oidc =>
            {
                oidc.BackchannelHttpHandler = EntraId.TrustingHandler();
                oidc.CorrelationCookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
                oidc.NonceCookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
            });
        }

        protected override async Task AfterStopAsync() => await EntraId.DisposeAsync();
    }

    [Fact]
    public async Task A_browser_signs_in_through_the_code_flow_and_its_graphql_calls_carry_the_users_entra_token()
    {
        system.EntraId.NextUser = new FakeEntraId.FakeUser(Guid.NewGuid().ToString(), "Erin Entra", []);
        using var browser = Browser();

        await SignInAsync(browser);
        using var user = await SendAsync(browser, HttpMethod.Get, "/bff/user");
        var me = await MeAsync(browser);

        Assert.Equal(HttpStatusCode.OK, user.StatusCode);
        var described = JsonNode.Parse(await user.Content.ReadAsStringAsync())!;
        Assert.Equal("Erin Entra", described["name"]!.GetValue<string>());
        Assert.Equal("athlete", described["role"]!.GetValue<string>());
        Assert.Equal("Erin Entra", me["displayName"]!.GetValue<string>());
        Assert.StartsWith("Bearer ey", system.Servers[0].GraphQLAuthorizations.Last(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_coach_app_role_signs_in_a_coach()
    {
        system.EntraId.NextUser = new FakeEntraId.FakeUser(Guid.NewGuid().ToString(), "Cody Coach", ["coach"]);
        using var browser = Browser();

        await SignInAsync(browser);

        Assert.Equal("COACH", (await MeAsync(browser))["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_token_near_its_expiry_is_refreshed_with_the_refresh_token_before_it_is_forwarded()
    {
        system.EntraId.NextUser = new FakeEntraId.FakeUser(Guid.NewGuid().ToString(), "Rory Refresh", []);
        system.EntraId.AccessTokenLifetime = TimeSpan.FromMinutes(2); // inside MSAL's five minutes: every use refreshes
        try
        {
            using var browser = Browser();
            await SignInAsync(browser);
            var before = system.EntraId.Refreshes;

            var me = await MeAsync(browser);

            Assert.Equal("Rory Refresh", me["displayName"]!.GetValue<string>());
            Assert.True(system.EntraId.Refreshes > before, "the BFF redeemed the refresh token at the provider");
        }
        finally
        {
            system.EntraId.AccessTokenLifetime = TimeSpan.FromHours(1);
        }
    }

    [Fact]
    public async Task Sign_out_ends_the_session()
    {
        system.EntraId.NextUser = new FakeEntraId.FakeUser(Guid.NewGuid().ToString(), "Sam Signout", []);
        using var browser = Browser();
        await SignInAsync(browser);

        using var logout = await SendAsync(browser, HttpMethod.Post, "/bff/logout");
        using var user = await SendAsync(browser, HttpMethod.Get, "/bff/user");
        using var graphql = await SendAsync(browser, HttpMethod.Get, "/graphql?query=%7Bme%7Bid%7D%7D");

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, user.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, graphql.StatusCode);
    }

    /// <summary>A browser: it keeps cookies and follows nothing by itself, so each step of the flow is visible.</summary>
    private HttpClient Browser()
    {
        var handler = new SocketsHttpHandler
        {
            UseCookies = true,
            CookieContainer = new CookieContainer(),
            AllowAutoRedirect = false,
            SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == system.EntraId.Certificate.GetCertHashString() },
        };
        return new HttpClient(handler) { BaseAddress = system.Bff.Address };
    }

    /// <summary>GET /bff/login → the provider's authorize page → its form_post back to the BFF → the session cookie.</summary>
    private static async Task SignInAsync(HttpClient browser)
    {
        using var login = await browser.GetAsync("/bff/login?returnUrl=/");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        using var authorize = await browser.GetAsync(login.Headers.Location);
        var page = await authorize.Content.ReadAsStringAsync();
        Assert.True(authorize.StatusCode == HttpStatusCode.OK, page);
        var action = WebUtility.HtmlDecode(Regex.Match(page, "action=\"([^\"]+)\"").Groups[1].Value);
        var fields = Regex.Matches(page, "name=\"([^\"]+)\" value=\"([^\"]*)\"")
            .ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
        using var callback = await browser.PostAsync(action, new FormUrlEncodedContent(fields));
        Assert.True(callback.StatusCode == HttpStatusCode.Redirect, $"{(int)callback.StatusCode}: {await callback.Content.ReadAsStringAsync()}");
        Assert.Equal("/", callback.Headers.Location!.OriginalString);
    }

    private static async Task<JsonNode> MeAsync(HttpClient browser)
    {
        using var response = await SendAsync(browser, HttpMethod.Get, "/graphql?documentId=" + Uri.EscapeDataString(PersistedOperations.IdOf("Me")));
        var body = await response.Content.ReadAsStringAsync();
        return (body.Length == 0 ? null : JsonNode.Parse(body))?["data"]?["me"] ?? throw new InvalidOperationException($"{(int)response.StatusCode}: {body}");
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient browser, HttpMethod method, string path)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-CSRF", "1");
        var response = await browser.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }
}
