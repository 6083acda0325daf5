global using WorkoutTracker.Server.Tests.Infrastructure;
