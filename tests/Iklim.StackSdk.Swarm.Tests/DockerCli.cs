using System.Text.Json;

namespace Iklim.StackSdk.Swarm.Tests;

/// <summary>One row of <c>docker stack ps --no-trunc --format '{{json .}}'</c>.</summary>
public sealed record SwarmTask(string Service, string Name, string DesiredState, string CurrentState, string Error, string Node)
{
    public bool IsRunning => DesiredState == "Running" && CurrentState.StartsWith("Running", StringComparison.Ordinal);

    public bool IsPending => DesiredState == "Running" && CurrentState.StartsWith("Pending", StringComparison.Ordinal);

    public bool IsFailed => CurrentState.StartsWith("Failed", StringComparison.Ordinal) || CurrentState.StartsWith("Rejected", StringComparison.Ordinal);
}

/// <summary>The docker CLI against one daemon (<c>DOCKER_HOST</c>), with the few queries the tests need.</summary>
public sealed class DockerCli
{
    public DockerCli(string host) => Host = host;

    public string Host { get; }

    public CommandResult Run(params string[] arguments) => RunIn(null, null, null, arguments);

    public CommandResult RunIn(string? workingDirectory, string? stdin, IReadOnlyDictionary<string, string?>? environment, params string[] arguments)
    {
        var env = new Dictionary<string, string?>(environment ?? new Dictionary<string, string?>()) { ["DOCKER_HOST"] = Host };
        return Shell.Run("docker", arguments, stdin, workingDirectory, env, TimeSpan.FromSeconds(120));
    }

    /// <summary>Runs and throws with the command's output when it fails.</summary>
    public string Check(params string[] arguments)
    {
        var result = Run(arguments);
        if (!result.Ok)
        {
            throw new InvalidOperationException(result.ToString());
        }

        return result.StdOut;
    }

    public bool Answers() => Run("version", "--format", "{{.Server.Version}}").Ok;

    /// <summary>The tasks of stack <paramref name="stack"/>; service names without the stack prefix.</summary>
    public IReadOnlyList<SwarmTask> StackTasks(string stack)
    {
        var result = Run("stack", "ps", stack, "--no-trunc", "--format", "{{json .}}");
        if (!result.Ok)
        {
            // "nothing found in stack" while the tasks are still being created.
            return Array.Empty<SwarmTask>();
        }

        var tasks = new List<SwarmTask>();
        foreach (var line in result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            string Get(string key) => root.TryGetProperty(key, out var v) ? v.GetString() ?? string.Empty : string.Empty;
            var name = Get("Name");
            var service = name.Contains('.') ? name[..name.LastIndexOf('.')] : name;
            if (service.StartsWith(stack + "_", StringComparison.Ordinal))
            {
                service = service[(stack.Length + 1)..];
            }

            tasks.Add(new SwarmTask(service, name, Get("DesiredState"), Get("CurrentState"), Get("Error"), Get("Node")));
        }

        return tasks;
    }

    /// <summary>The names of the services of <paramref name="stack"/> that still exist.</summary>
    public IReadOnlyList<string> StackServices(string stack)
    {
        var result = Run("service", "ls", "--filter", "label=com.docker.stack.namespace=" + stack, "--format", "{{.Name}}");
        return result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>The containers of <paramref name="stack"/> still present on this node (they outlive their services for the stop grace period).</summary>
    public IReadOnlyList<string> StackContainers(string stack)
    {
        var result = Run("ps", "-aq", "--filter", "label=com.docker.stack.namespace=" + stack);
        return result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary><c>docker stack rm</c>, then waits until its services, containers and networks are gone.</summary>
    public void RemoveStack(string stack, TimeSpan timeout)
    {
        Run("stack", "rm", stack);
        Poll.Until(
            () => StackServices(stack).Count == 0 && StackContainers(stack).Count == 0
                  && Run("network", "ls", "-q", "--filter", "label=com.docker.stack.namespace=" + stack).StdOut.Trim().Length == 0,
            timeout,
            $"stack '{stack}' to be removed");
    }
}

/// <summary>Bounded waits.</summary>
public static class Poll
{
    public static bool Try(Func<bool> condition, TimeSpan timeout, TimeSpan? interval = null)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            if (condition())
            {
                return true;
            }

            if (DateTime.UtcNow >= until)
            {
                return false;
            }

            Thread.Sleep(interval ?? TimeSpan.FromSeconds(1));
        }
    }

    public static void Until(Func<bool> condition, TimeSpan timeout, string what)
    {
        if (!Try(condition, timeout))
        {
            throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0}s waiting for {what}.");
        }
    }
}
