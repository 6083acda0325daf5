using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using WorkoutTracker.Server.Profiles;

namespace WorkoutTracker.Server.Data;

/// <summary>
/// Which columns of which tables name a user, read off the EF model: every foreign key to <c>users</c>, and
/// every column called <c>user_id</c>, <c>athlete_id</c> or <c>coach_id</c> (some tables, like the event log,
/// keep the id without a foreign key so they can outlive rows or be partitioned). Account deletion deletes by
/// these; a test checks that every table of the model is either listed here or named as shared data.
/// </summary>
public static class UserOwnedTables
{
    private static readonly HashSet<string> UserColumnNames = new(StringComparer.Ordinal) { "user_id", "athlete_id", "coach_id" };

    public sealed record UserColumn(string Table, string Column);

    /// <summary>Every (table, column) that holds a user's id, the <c>users</c> table itself (<c>id</c>) last.</summary>
    public static IReadOnlyList<UserColumn> Of(IModel model)
    {
        var users = model.FindEntityType(typeof(User))!;
        var columns = new List<UserColumn>();
        foreach (var entity in model.GetEntityTypes().Where(e => e.GetTableName() is not null && e != users))
        {
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var names = entity.GetForeignKeys()
                .Where(fk => fk.PrincipalEntityType == users)
                .SelectMany(fk => fk.Properties)
                .Concat(entity.GetProperties().Where(p => UserColumnNames.Contains(p.GetColumnName(table) ?? "")))
                .Select(p => p.GetColumnName(table)!)
                .Distinct();
            columns.AddRange(names.Select(name => new UserColumn(Qualified(entity), name)));
        }

        columns.Add(new UserColumn(Qualified(users), "id"));
        return columns;
    }

    public static string Qualified(IReadOnlyEntityType entity) =>
        entity.GetSchema() is { } schema ? $"\"{schema}\".\"{entity.GetTableName()}\"" : $"\"{entity.GetTableName()}\"";
}
