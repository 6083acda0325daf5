using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace WorkoutTracker.Server.Tests.Infrastructure;

/// <summary>
/// A local OpenID Connect provider shaped like Entra ID's v2.0 endpoints, on loopback: per tenant a discovery
/// document (<c>/{tenant}/v2.0/.well-known/openid-configuration</c>), its JWKS, an authorization endpoint that
/// signs in <see cref="NextUser"/> at once and redirects back with a code, and a token endpoint for the
/// authorization-code and refresh-token grants. Tokens are RS256 with Entra's claim shapes (<c>ver</c> 2.0,
/// <c>tid</c>, <c>oid</c>, <c>scp</c>, <c>roles</c>, <c>client_info</c> in the token response). Point
/// <c>AzureAd:Instance</c> at <see cref="Instance"/>. Shared by the server and BFF tests.
/// </summary>
public sealed class FakeEntraId : IAsyncDisposable
{
    public const string TenantId = "7f3b0b49-5c5e-4f3b-9d7c-0e1d9b1c2a11";
    public const string OtherTenantId = "2b0e7d14-9a3c-4d55-8f61-3c2a7e9b4d33";
    public const string ClientId = "0b6c3f52-8f1e-4f0e-a2a4-6e9d2b7c1d22";
    public const string ClientSecret = "fake-entra-client-secret";
    public const string ApiScope = "access_as_user";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Grant> _codes = new();
    private readonly ConcurrentDictionary<string, Grant> _refreshTokens = new();
    private int _tokenRequests;

    private FakeEntraId(WebApplication app, RsaSecurityKey key, X509Certificate2 certificate)
    {
        _app = app;
        Key = key;
        Certificate = certificate;
    }

    /// <summary>
    /// The provider's self-signed TLS certificate (for 127.0.0.1). Entra ID is HTTPS-only, and so are
    /// Microsoft.Identity.Web and MSAL: a host under test trusts this one certificate through
    /// <see cref="TrustingHandler"/>, nothing else changes.
    /// </summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>
    /// An HTTP handler for a host's clients that trusts the provider's certificate and sends what would go to
    /// <c>login.microsoftonline.com</c> (MSAL's instance discovery) to this provider instead, as DNS would.
    /// </summary>
    public HttpMessageHandler RoutingHandler() => new ToThisProvider(this) { InnerHandler = TrustingHandler() };

    private sealed class ToThisProvider(FakeEntraId provider) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri is { Host: "login.microsoftonline.com" } uri)
            {
                request.RequestUri = new UriBuilder(uri) { Scheme = provider.Instance.Scheme, Host = provider.Instance.Host, Port = provider.Instance.Port }.Uri;
            }

            return base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>An HTTP handler that trusts the provider's certificate (and whatever the machine trusts).</summary>
    public HttpMessageHandler TrustingHandler() => new SocketsHttpHandler
    {
        SslOptions = new System.Net.Security.SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                errors == System.Net.Security.SslPolicyErrors.None ||
                (certificate is not null && certificate.GetCertHashString() == Certificate.GetCertHashString()),
        },
    };

    /// <summary>The user the authorization endpoint signs in next.</summary>
    public FakeUser NextUser { get; set; } = new(Guid.NewGuid().ToString(), "Entra Athlete", []);

    public RsaSecurityKey Key { get; }

    /// <summary>Lifetime of the access tokens the token endpoint issues (MSAL refreshes a token within 5 minutes of its expiry).</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    public Uri Instance { get; private set; } = null!;

    /// <summary>How many times the token endpoint answered (code and refresh grants).</summary>
    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    /// <summary>Refresh-token grants answered.</summary>
    public int Refreshes { get; private set; }

    public string Issuer(string tenant = TenantId) => $"{Instance.ToString().TrimEnd('/')}/{tenant}/v2.0";

    public sealed record FakeUser(string ObjectId, string Name, string[] Roles);

    private sealed record Grant(FakeUser User, string ClientId, string Scope, string? Nonce);

    public static async Task<FakeEntraId> StartAsync()
    {
        var certificate = CreateCertificate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        var provider = new FakeEntraId(app, new RsaSecurityKey(RSA.Create(2048)) { KeyId = "fake-entra-key" }, certificate);
        provider.Map(app);
        await app.StartAsync();
        provider.Instance = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");
        return provider;
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>An access token for the server API as Entra ID would issue it, with the claims changed as the test asks.</summary>
    public string AccessToken(
        FakeUser? user = null, string? scope = ApiScope, string[]? roles = null, string tenant = TenantId, string audience = ClientId, TimeSpan? lifetime = null,
        RsaSecurityKey? signingKey = null)
    {
        user ??= NextUser;
        var claims = new List<Claim>
        {
            new("oid", user.ObjectId), new("sub", user.ObjectId), new("tid", tenant), new("name", user.Name), new("ver", "2.0"),
            new("azp", ClientId), new("preferred_username", $"{user.ObjectId[..8]}@contoso.example"),
        };
        if (scope is not null)
        {
            claims.Add(new("scp", scope));
        }

        claims.AddRange((roles ?? user.Roles).Select(r => new Claim("roles", r)));
        return Sign(claims, Issuer(tenant), audience, lifetime ?? TimeSpan.FromMinutes(60), signingKey);
    }

    private string Sign(IEnumerable<Claim> claims, string issuer, string audience, TimeSpan lifetime, RsaSecurityKey? signingKey = null)
    {
        var now = DateTime.UtcNow;
        var notBefore = lifetime < TimeSpan.Zero ? now + lifetime - TimeSpan.FromMinutes(5) : now;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = notBefore,
            NotBefore = notBefore,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(signingKey ?? Key, SecurityAlgorithms.RsaSha256),
            Subject = new ClaimsIdentity(claims),
        });
    }

    private void Map(WebApplication app)
    {
        app.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", (string tenant) => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer(tenant),
            ["authorization_endpoint"] = $"{Instance}{tenant}/oauth2/v2.0/authorize",
            ["token_endpoint"] = $"{Instance}{tenant}/oauth2/v2.0/token",
            ["end_session_endpoint"] = $"{Instance}{tenant}/oauth2/v2.0/logout",
            ["jwks_uri"] = $"{Instance}{tenant}/discovery/v2.0/keys",
            ["response_types_supported"] = new[] { "code", "id_token", "code id_token" },
            ["response_modes_supported"] = new[] { "query", "fragment", "form_post" },
            ["subject_types_supported"] = new[] { "pairwise" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["scopes_supported"] = new[] { "openid", "profile", "email", "offline_access" },
            ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post", "client_secret_basic" },
            ["tenant_region_scope"] = "EU",
        }));
        // MSAL's instance discovery (Entra ID answers it at login.microsoftonline.com/common): this host is its own cloud.
        app.MapGet("/common/discovery/instance", (HttpRequest request) =>
        {
            var authority = new Uri(request.Query["authorization_endpoint"].ToString());
            var tenant = authority.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? TenantId;
            var host = Instance.Authority;
            return Results.Json(new Dictionary<string, object>
            {
                ["tenant_discovery_endpoint"] = $"{Instance}{tenant}/v2.0/.well-known/openid-configuration",
                ["api-version"] = "1.1",
                ["metadata"] = new[] { new { preferred_network = host, preferred_cache = host, aliases = new[] { host } } },
            });
        });
        app.MapGet("/{tenant}/discovery/v2.0/keys", () =>
        {
            var parameters = Key.Rsa.ExportParameters(false);
            return Results.Json(new
            {
                keys = new[]
                {
                    new { kty = "RSA", use = "sig", kid = Key.KeyId, n = Base64UrlEncoder.Encode(parameters.Modulus), e = Base64UrlEncoder.Encode(parameters.Exponent), alg = "RS256" },
                },
            });
        });
        app.MapGet("/{tenant}/oauth2/v2.0/authorize", (HttpRequest request) =>
        {
            var query = request.Query;
            var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            _codes[code] = new Grant(NextUser, query["client_id"].ToString(), query["scope"].ToString(), query["nonce"].ToString());
            var values = new Dictionary<string, string?> { ["code"] = code, ["state"] = query["state"], ["session_state"] = "fake" };
            var redirect = query["redirect_uri"].ToString();
            if (query["response_mode"] == "form_post")
            {
                var inputs = string.Concat(values.Select(v => $"<input type=\"hidden\" name=\"{WebUtility.HtmlEncode(v.Key)}\" value=\"{WebUtility.HtmlEncode(v.Value)}\"/>"));
                return Results.Content(
                    $"<html><body onload=\"document.forms[0].submit()\"><form method=\"post\" action=\"{WebUtility.HtmlEncode(redirect)}\">{inputs}</form></body></html>",
                    "text/html");
            }

            return Results.Redirect(redirect + (redirect.Contains('?', StringComparison.Ordinal) ? "&" : "?") +
                                    string.Join("&", values.Select(v => $"{v.Key}={Uri.EscapeDataString(v.Value ?? "")}")));
        });
        app.MapGet("/{tenant}/oauth2/v2.0/logout", (HttpRequest request) =>
            request.Query["post_logout_redirect_uri"] is [{ Length: > 0 } back] ? Results.Redirect(back) : Results.Ok());
        app.MapPost("/{tenant}/oauth2/v2.0/token", async (string tenant, HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (form["client_secret"] != ClientSecret && !BasicAuthenticated(request))
            {
                return Error("invalid_client", "bad client secret");
            }

            Grant? grant;
            var grantType = form["grant_type"].ToString();
            if (grantType == "authorization_code")
            {
                if (!_codes.TryRemove(form["code"].ToString(), out grant))
                {
                    return Error("invalid_grant", "unknown or used code");
                }
            }
            else if (grantType == "refresh_token")
            {
                if (!_refreshTokens.TryRemove(form["refresh_token"].ToString(), out grant))
                {
                    return Error("invalid_grant", "unknown or used refresh token");
                }

                Refreshes++;
                grant = grant with { Scope = form["scope"].ToString() };
            }
            else
            {
                return Error("unsupported_grant_type", grantType);
            }

            Interlocked.Increment(ref _tokenRequests);
            var refreshToken = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
            _refreshTokens[refreshToken] = grant;
            var apiScopes = grant.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Where(s => s.Contains('/', StringComparison.Ordinal))
                .Select(s => s[(s.LastIndexOf('/') + 1)..])
                .ToArray();
            var idToken = Sign(
                [
                    new("oid", grant.User.ObjectId), new("sub", grant.User.ObjectId), new("tid", tenant), new("name", grant.User.Name), new("ver", "2.0"),
                    new("preferred_username", $"{grant.User.ObjectId[..8]}@contoso.example"), .. grant.Nonce is { Length: > 0 } nonce ? [new Claim("nonce", nonce)] : Array.Empty<Claim>(),
                    .. grant.User.Roles.Select(r => new Claim("roles", r)),
                ],
                Issuer(tenant),
                grant.ClientId,
                TimeSpan.FromHours(1));
            var accessToken = AccessToken(grant.User, scope: apiScopes.Length > 0 ? string.Join(' ', apiScopes) : ApiScope, tenant: tenant, lifetime: AccessTokenLifetime);
            var clientInfo = Base64UrlEncoder.Encode(JsonSerializer.Serialize(new { uid = grant.User.ObjectId, utid = tenant }));
            return Results.Json(new Dictionary<string, object>
            {
                ["token_type"] = "Bearer",
                ["scope"] = grant.Scope,
                ["expires_in"] = (int)AccessTokenLifetime.TotalSeconds,
                ["ext_expires_in"] = (int)AccessTokenLifetime.TotalSeconds,
                ["access_token"] = accessToken,
                ["refresh_token"] = refreshToken,
                ["id_token"] = idToken,
                ["client_info"] = clientInfo,
            });
        });
    }

    private static bool BasicAuthenticated(HttpRequest request) =>
        request.Headers.Authorization.ToString() is { } header && header.StartsWith("Basic ", StringComparison.Ordinal) &&
        Encoding.UTF8.GetString(Convert.FromBase64String(header[6..])).EndsWith(":" + ClientSecret, StringComparison.Ordinal);

    private static IResult Error(string error, string description) =>
        Results.Json(new { error, error_description = description }, statusCode: StatusCodes.Status400BadRequest);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
