using WorkoutTracker.Bff.Tests.Infrastructure;
using WorkoutTracker.EndToEnd.Tests.MobileWeb;

namespace WorkoutTracker.EndToEnd.Tests.FirstRun;

/// <summary>
/// This checkout as a newcomer gets it: the files git knows (committed, or new and not ignored) copied
/// into a fresh temporary folder that only its owner may enter, so under root the <c>postgres</c> user
/// cannot reach it; no <c>.data/</c>, no build output, no <c>node_modules</c>. Only the two web builds are
/// copied, so <c>run.sh</c> does not spend minutes rebuilding them. Disposing deletes the copy and the
/// PostgreSQL cluster folder the copy's <c>scripts/postgres.sh</c> made outside it.
/// </summary>
public sealed class NewcomerCheckout : IAsyncDisposable
{
    private readonly DirectoryInfo _parent;

    private NewcomerCheckout(DirectoryInfo parent, string root)
    {
        _parent = parent;
        Root = root;
    }

    public string Root { get; }

    /// <summary>The copy's <c>.data/pg</c>, resolved: a folder under /var/tmp when the copy is out of the postgres user's reach.</summary>
    public string ClusterFolder
    {
        get
        {
            var link = new DirectoryInfo(Path.Combine(Root, ".data", "pg"));
            return link.LinkTarget ?? link.FullName;
        }
    }

    public static async Task<NewcomerCheckout> CreateAsync()
    {
        var source = TestPostgres.RepositoryRoot;
        var (exitCode, listing) = await Processes.RunAsync(
            "git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], source, TimeSpan.FromMinutes(1));
        Assert.True(exitCode == 0, "git ls-files failed: " + listing);

        var parent = Directory.CreateTempSubdirectory("wt-newcomer-"); // mode 0700: only its owner may enter
        var root = Path.Combine(parent.FullName, "p");
        foreach (var file in listing.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            CopyFile(Path.Combine(source, file), Path.Combine(root, file));
        }

        foreach (var dist in new[] { MobileWebBuild.DistPath, PlaygroundBuild.DistPath })
        {
            foreach (var file in Directory.EnumerateFiles(dist, "*", SearchOption.AllDirectories))
            {
                CopyFile(file, Path.Combine(root, Path.GetRelativePath(source, file)));
            }
        }

        return new NewcomerCheckout(parent, root);
    }

    private static void CopyFile(string from, string to)
    {
        if (!File.Exists(from))
        {
            return; // deleted in the working tree but not yet in git: a newcomer would not have it either
        }

        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Copy(from, to);
        File.SetUnixFileMode(to, File.GetUnixFileMode(from)); // run.sh and the scripts stay executable
    }

    public async ValueTask DisposeAsync()
    {
        // A no-op when run.sh stopped it, as it should; after a failed test the cluster may still run.
        await Processes.RunAsync(Path.Combine(Root, "scripts", "postgres.sh"), ["stop"], "/", TimeSpan.FromMinutes(1));
        var cluster = ClusterFolder;
        if (!cluster.StartsWith(_parent.FullName, StringComparison.Ordinal) && Directory.Exists(cluster))
        {
            Directory.Delete(cluster, recursive: true);
        }

        _parent.Delete(recursive: true);
    }
}
