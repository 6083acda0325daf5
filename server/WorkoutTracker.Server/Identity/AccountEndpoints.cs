using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using WorkoutTracker.Server.Data;
using WorkoutTracker.Server.Profiles;

namespace WorkoutTracker.Server.Identity;

/// <summary>
/// Local accounts: <c>POST /account/signup</c> (email, display name, password, role; answers tokens like a
/// sign-in), <c>POST /account/password</c> (current and new password; every refresh token of the user is
/// revoked and a new pair answered), <c>POST /account/delete</c> (the password again; every row of the user
/// is deleted). Refusals are problem documents whose <c>code</c> says what went wrong and whose <c>errors</c>
/// name each field with its own code, e.g. <c>{ "field": "password", "code": "PASSWORD_TOO_SHORT" }</c>.
/// </summary>
public static partial class AccountEndpoints
{
    public const string SignUpRateLimit = "sign-up";

    public sealed record SignUpRequest(string? Email, string? DisplayName, string? Password, string? Role);

    public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

    public sealed record DeleteAccountRequest(string? Password);

    public sealed record FieldError(string Field, string Code, string Message);

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/account/signup", SignUpAsync).AllowAnonymous().RequireRateLimiting(SignUpRateLimit);
        endpoints.MapPost("/account/password", ChangePasswordAsync).RequireAuthorization().RequireRateLimiting(TokenEndpoints.SignInRateLimit);
        endpoints.MapPost("/account/delete", DeleteAsync).RequireAuthorization().RequireRateLimiting(TokenEndpoints.SignInRateLimit);
        return endpoints;
    }

    private static async Task<IResult> SignUpAsync(SignUpRequest request, UserManager<User> users, TokenIssuer issuer, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var email = request.Email?.Trim().ToLowerInvariant() ?? "";
        if (email.Length == 0)
        {
            errors.Add(new("email", "EMAIL_REQUIRED", "Enter your email address."));
        }
        else if (email.Length > 254 || !new EmailAddressAttribute().IsValid(email) || !DomainPart().IsMatch(email))
        {
            errors.Add(new("email", "INVALID_EMAIL", "This is not an email address (name@example.com)."));
        }

        var displayName = request.DisplayName?.Trim() ?? "";
        if (displayName.Length is 0 or > ProfileService.MaxDisplayNameLength)
        {
            errors.Add(new("displayName", displayName.Length == 0 ? "DISPLAY_NAME_REQUIRED" : "DISPLAY_NAME_TOO_LONG",
                $"Enter a name of 1 to {ProfileService.MaxDisplayNameLength} characters."));
        }

        UserRole role = UserRole.Athlete;
        if (request.Role is { } requested && !Enum.TryParse(requested, ignoreCase: true, out role))
        {
            errors.Add(new("role", "INVALID_ROLE", "The role is 'athlete' or 'coach'."));
        }

        var user = new User { Id = Guid.CreateVersion7(), DisplayName = displayName, Role = role, Email = email };
        if (request.Password is not { Length: > 0 } password)
        {
            errors.Add(new("password", "PASSWORD_REQUIRED", "Choose a password."));
        }
        else
        {
            foreach (var validator in users.PasswordValidators)
            {
                var result = await validator.ValidateAsync(users, user, password);
                errors.AddRange(result.Errors.Select(e => new FieldError("password", ToCode(e.Code), e.Description)));
            }
        }

        if (errors.Count == 0 && await users.FindByEmailAsync(email) is not null)
        {
            errors.Add(Duplicate());
        }

        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        var created = await users.CreateAsync(user, request.Password!);
        if (!created.Succeeded)
        {
            return Invalid([.. created.Errors.Select(e => e.Code == nameof(IdentityErrorDescriber.DuplicateEmail) || e.Code == nameof(IdentityErrorDescriber.DuplicateUserName)
                ? Duplicate()
                : new FieldError(e.Code.Contains("Password", StringComparison.Ordinal) ? "password" : "email", ToCode(e.Code), e.Description))]);
        }

        return Results.Created("/account", await issuer.IssueAsync(user, family: null, cancellationToken));
    }

    private static async Task<IResult> ChangePasswordAsync(
        ChangePasswordRequest request, HttpContext context, CurrentUser current, UserManager<User> users, TokenIssuer issuer,
        IDbContextFactory<WorkoutDb> dbFactory, CancellationToken cancellationToken)
    {
        var me = await current.RequireAsync(context.User, cancellationToken);
        var user = await users.FindByIdAsync(me.Id.ToString());
        if (user?.PasswordHash is null)
        {
            return Invalid([new("currentPassword", "NO_PASSWORD", "This account signs in through its identity provider; change the password there.")]);
        }

        if (string.IsNullOrEmpty(request.CurrentPassword) || !await users.CheckPasswordAsync(user, request.CurrentPassword))
        {
            return Invalid([new("currentPassword", "WRONG_PASSWORD", "The current password is not right.")]);
        }

        var changed = await users.ChangePasswordAsync(user, request.CurrentPassword, request.NewPassword ?? "");
        if (!changed.Succeeded)
        {
            return Invalid([.. changed.Errors.Select(e => new FieldError("newPassword", ToCode(e.Code), e.Description))]);
        }

        // Whoever else holds a refresh token of this account (another device, a thief) must sign in again.
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await db.RefreshTokens.Where(t => t.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        }

        return Results.Ok(await issuer.IssueAsync(user, family: null, cancellationToken));
    }

    private static async Task<IResult> DeleteAsync(
        DeleteAccountRequest request, HttpContext context, CurrentUser current, UserManager<User> users, AccountDeletion deletion, CancellationToken cancellationToken)
    {
        var me = await current.RequireAsync(context.User, cancellationToken);
        if (me.PasswordHash is not null &&
            (string.IsNullOrEmpty(request.Password) || !await users.CheckPasswordAsync((await users.FindByIdAsync(me.Id.ToString()))!, request.Password)))
        {
            return Invalid([new("password", "WRONG_PASSWORD", "Enter your password to delete the account.")]);
        }

        await deletion.DeleteAsync(me.Id, cancellationToken);
        return Results.NoContent();
    }

    private static FieldError Duplicate() => new("email", "DUPLICATE_EMAIL", "An account with this email exists already; sign in instead.");

    private static IResult Invalid(List<FieldError> errors) => Results.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: errors[0].Message,
        extensions: new Dictionary<string, object?> { ["code"] = "VALIDATION", ["errors"] = errors });

    /// <summary>Identity's error codes (<c>PasswordTooShort</c>) as our codes (<c>PASSWORD_TOO_SHORT</c>).</summary>
    public static string ToCode(string identityCode) => UpperBoundary().Replace(identityCode, "_$1").ToUpperInvariant();

    [GeneratedRegex("@[^@.]+(\\.[^@.]+)+$")]
    private static partial Regex DomainPart();

    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex UpperBoundary();
}
