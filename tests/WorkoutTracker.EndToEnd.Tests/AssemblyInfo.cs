// One browser flow at a time: each starts Chromium, a server and a BFF (the newcomer test also builds
// both), which on two cores is enough load to make two flows at once slow each other down.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

// Debian's Chromium, PostgreSQL run as the postgres user, run.sh: these tests run on Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
