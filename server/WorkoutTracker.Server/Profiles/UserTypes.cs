using GraphQL.Types;

namespace WorkoutTracker.Server.Profiles;

public sealed class UserType : ObjectGraphType<User>
{
    public UserType()
    {
        Name = "User";
        Description = "Someone who signs in: an athlete or a coach.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field(u => u.DisplayName);
        Field<NonNullGraphType<UserRoleType>>("role").Resolve(c => c.Source.Role);
    }
}

public sealed class UserRoleType : EnumerationGraphType<UserRole>
{
    public UserRoleType() => Name = "Role";
}
