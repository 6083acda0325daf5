using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using WorkoutTracker.Server.Data;
using WorkoutTracker.Server.Profiles;

namespace WorkoutTracker.Server.Identity;

/// <summary>
/// The server's own issuer (local accounts, and the demo users in Development): mints short-lived access
/// tokens signed with the configured key (<see cref="TokenIssuerOptions"/>, checked by <see cref="SigningKeyPolicy"/>)
/// and single-use refresh tokens in families (<see cref="StoredRefreshToken"/>), and describes how its tokens validate.
/// </summary>
public sealed class TokenIssuer(IOptions<TokenIssuerOptions> options, TimeProvider clock, IDbContextFactory<WorkoutDb> dbFactory)
{
    private readonly TokenIssuerOptions _options = options.Value;
    private readonly JsonWebTokenHandler _handler = new();

    public SymmetricSecurityKey SigningKey => new(Convert.FromBase64String(_options.SigningKey));

    public TokenValidationParameters ValidationParameters => new()
    {
        ValidIssuer = _options.Issuer,
        ValidAudience = _options.Audience,
        IssuerSigningKey = SigningKey,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        NameClaimType = WorkoutClaims.Name,
        RoleClaimType = WorkoutClaims.Role,
        ClockSkew = TimeSpan.FromSeconds(30),
    };

    public string Issuer => _options.Issuer;

    public IssuedToken Mint(User user)
    {
        var now = clock.GetUtcNow();
        var expires = now.Add(_options.TokenLifetime);
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = _options.Issuer,
            Audience = _options.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.HmacSha256),
            Subject = new ClaimsIdentity(
            [
                new Claim(WorkoutClaims.Subject, user.Id.ToString()),
                new Claim(WorkoutClaims.Name, user.DisplayName),
                new Claim(WorkoutClaims.Role, RoleNames.Of(user.Role)),
                new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
            ]),
        });
        return new IssuedToken(token, expires);
    }

    /// <summary>
    /// An access token and a new refresh token: of <paramref name="family"/> when one was just redeemed, of a new
    /// family at sign-in. Expired refresh tokens are pruned on the way.
    /// </summary>
    public async Task<TokenEndpoints.TokenResponse> IssueAsync(User user, Guid? family, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var refreshToken = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var refreshLifetime = _options.RefreshTokenLifetime;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            db.RefreshTokens.Add(new StoredRefreshToken
            {
                TokenHash = TokenEndpoints.Hash(refreshToken),
                UserId = user.Id,
                FamilyId = family ?? Guid.CreateVersion7(),
                ExpiresAt = now + refreshLifetime,
            });
            await db.RefreshTokens.Where(t => t.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        var token = Mint(user);
        return new TokenEndpoints.TokenResponse(
            token.AccessToken, "Bearer", (int)(token.ExpiresAt - now).TotalSeconds, refreshToken, (int)refreshLifetime.TotalSeconds);
    }
}

public sealed record IssuedToken(string AccessToken, DateTimeOffset ExpiresAt);
