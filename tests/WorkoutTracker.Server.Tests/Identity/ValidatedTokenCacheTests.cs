using System.Security.Claims;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using WorkoutTracker.Server.Identity;

namespace WorkoutTracker.Server.Tests.Identity;

/// <summary>Each bearer token is validated once for its lifetime; invalid and expired tokens are never remembered.</summary>
public sealed class ValidatedTokenCacheTests
{
    private static readonly SymmetricSecurityKey Key = new(new byte[32]);
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Now);
    private readonly CountingHandler _inner = new();

    private static TokenValidationParameters Parameters => new()
    {
        ValidIssuer = "wt", ValidAudience = "wt", IssuerSigningKey = Key, ClockSkew = TimeSpan.Zero,
        LifetimeValidator = (_, _, _, _) => true, // the clock here is the fake one: the cache decides expiry
    };

    [Fact]
    public async Task A_valid_token_is_validated_once_until_it_expires_then_again()
    {
        var cache = new ValidatedTokenCache(_inner, _clock);
        var token = Token(expires: Now.AddMinutes(5));
        var parameters = Parameters;

        var first = await cache.ValidateTokenAsync(token, parameters);
        var second = await cache.ValidateTokenAsync(token, parameters);
        _clock.Advance(TimeSpan.FromMinutes(6));
        await cache.ValidateTokenAsync(token, parameters);

        Assert.True(first.IsValid && second.IsValid);
        Assert.Equal(2, _inner.Calls);
        Assert.NotSame(first.ClaimsIdentity, second.ClaimsIdentity); // each request gets its own copy
        Assert.Equal("athlete-1", second.ClaimsIdentity.FindFirst("sub")!.Value);
    }

    [Fact]
    public async Task An_invalid_token_is_validated_every_time()
    {
        var cache = new ValidatedTokenCache(_inner, _clock);
        var token = Token(expires: Now.AddMinutes(5))[..^4] + "AAAA"; // signature broken

        var first = await cache.ValidateTokenAsync(token, Parameters);
        var second = await cache.ValidateTokenAsync(token, Parameters);

        Assert.False(first.IsValid);
        Assert.False(second.IsValid);
        Assert.Equal(2, _inner.Calls);
    }

    [Fact]
    public async Task Two_tokens_never_share_an_identity()
    {
        var cache = new ValidatedTokenCache(_inner, _clock);
        var a = await cache.ValidateTokenAsync(Token(Now.AddMinutes(5), "athlete-1"), Parameters);
        var b = await cache.ValidateTokenAsync(Token(Now.AddMinutes(5), "athlete-2"), Parameters);
        var aAgain = await cache.ValidateTokenAsync(Token(Now.AddMinutes(5), "athlete-1"), Parameters);

        Assert.Equal("athlete-1", a.ClaimsIdentity.FindFirst("sub")!.Value);
        Assert.Equal("athlete-2", b.ClaimsIdentity.FindFirst("sub")!.Value);
        Assert.Equal("athlete-1", aAgain.ClaimsIdentity.FindFirst("sub")!.Value);
    }

    private static string Token(DateTimeOffset expires, string subject = "athlete-1") => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "wt",
        Audience = "wt",
        Subject = new ClaimsIdentity([new Claim("sub", subject)]),
        NotBefore = expires.AddMinutes(-10).UtcDateTime,
        IssuedAt = expires.AddMinutes(-10).UtcDateTime,
        Expires = expires.UtcDateTime,
        SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.HmacSha256),
    });

    private sealed class CountingHandler : TokenHandler
    {
        private readonly JsonWebTokenHandler _jwt = new() { MapInboundClaims = false };

        public int Calls { get; private set; }

        public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
        {
            Calls++;
            return await _jwt.ValidateTokenAsync(token, validationParameters);
        }
    }
}
