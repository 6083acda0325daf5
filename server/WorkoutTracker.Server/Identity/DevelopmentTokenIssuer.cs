using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using WorkoutTracker.Server.Profiles;

namespace WorkoutTracker.Server.Identity;

/// <summary>Mints and describes validation of the development issuer's tokens.</summary>
public sealed class DevelopmentTokenIssuer(IOptions<DevelopmentIssuerOptions> options, TimeProvider clock)
{
    private readonly DevelopmentIssuerOptions _options = options.Value;
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
}

public sealed record IssuedToken(string AccessToken, DateTimeOffset ExpiresAt);
