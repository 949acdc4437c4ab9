using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Iklim.StackSdk.Package.Tests;

/// <summary>
/// A minimal LSP client for csharp-ls over stdio: Content-Length framing, the server's requests answered, every log
/// line and message kept so a failing test can show what the server did.
/// </summary>
internal sealed class LanguageServer : IDisposable
{
    private readonly Process _process;
    private readonly Stream _input;
    private readonly StringBuilder _log = new();
    private readonly BlockingCollection<JsonNode> _diagnostics = new();
    private readonly object _writeLock = new();
    private int _nextId = 1;

    public LanguageServer(string executable, string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var start = DotNet.StartInfo(executable, workingDirectory, ["--loglevel", "info"], environment);
        _process = Process.Start(start)!;
        _input = _process.StandardInput.BaseStream;
        _ = Task.Run(ReadMessages);
        _ = Task.Run(() =>
        {
            while (_process.StandardError.ReadLine() is { } line)
            {
                Log("stderr: " + line);
            }
        });
    }

    /// <summary>Everything the server logged and every notification it sent, in order.</summary>
    public string Transcript
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>initialize (analyzers on, as csharp-ls's `csharp.analyzersEnabled` setting), initialized, didOpen.</summary>
    public void Open(string rootDirectory, string file)
    {
        Request("initialize", new JsonObject
        {
            ["processId"] = Environment.ProcessId,
            ["rootUri"] = Uri(rootDirectory),
            ["workspaceFolders"] = new JsonArray(new JsonObject { ["uri"] = Uri(rootDirectory), ["name"] = Path.GetFileName(rootDirectory) }),
            ["initializationOptions"] = new JsonObject { ["csharp"] = Settings() },
            ["capabilities"] = new JsonObject
            {
                ["workspace"] = new JsonObject { ["configuration"] = true, ["workspaceFolders"] = true },
                ["textDocument"] = new JsonObject { ["publishDiagnostics"] = new JsonObject { ["relatedInformation"] = false } },
            },
        });
        Notify("initialized", new JsonObject());
        Notify("workspace/didChangeConfiguration", new JsonObject { ["settings"] = new JsonObject { ["csharp"] = Settings() } });
        Notify("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject
            {
                ["uri"] = Uri(file),
                ["languageId"] = "csharp",
                ["version"] = 1,
                ["text"] = File.ReadAllText(file),
            },
        });
    }

    /// <summary>
    /// Waits until a publishDiagnostics for <paramref name="file"/> holds a diagnostic with <paramref name="code"/>
    /// and returns it; null when none came within <paramref name="timeout"/>. The first publications come before
    /// the project is loaded and are empty, so it keeps listening.
    /// </summary>
    public JsonNode? WaitForDiagnostic(string file, string code, TimeSpan timeout)
    {
        var uri = Uri(file);
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            if (!_diagnostics.TryTake(out var published, TimeSpan.FromSeconds(1)) || (string?)published["uri"] != uri)
            {
                continue;
            }

            var match = published["diagnostics"]!.AsArray().FirstOrDefault(diagnostic => (string?)diagnostic!["code"] == code);
            if (match is not null)
            {
                return match;
            }
        }

        return null;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                Request("shutdown", null);
                Notify("exit", null);
                _process.WaitForExit(TimeSpan.FromSeconds(10));
            }
        }
        catch (IOException)
        {
            // The server already closed its input.
        }
        finally
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.Dispose();
        }
    }

    private static JsonObject Settings() => new() { ["analyzersEnabled"] = true, ["logLevel"] = "info" };

    private static string Uri(string path) => new Uri(path).AbsoluteUri;

    private void Request(string method, JsonNode? parameters) =>
        Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = Interlocked.Increment(ref _nextId), ["method"] = method, ["params"] = parameters });

    private void Notify(string method, JsonNode? parameters) =>
        Send(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    private void Send(JsonNode message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        lock (_writeLock)
        {
            _input.Write(header);
            _input.Write(body);
            _input.Flush();
        }
    }

    private void ReadMessages()
    {
        var output = _process.StandardOutput.BaseStream;
        try
        {
            while (ReadMessage(output) is { } message)
            {
                Handle(message);
            }
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or JsonException)
        {
            Log("client: reading stopped: " + exception.Message);
        }

        Log("client: the server closed its output");
        _diagnostics.CompleteAdding();
    }

    private void Handle(JsonNode message)
    {
        var method = (string?)message["method"];
        switch (method)
        {
            case "window/logMessage" or "window/showMessage":
                Log("server: " + (string?)message["params"]!["message"]);
                break;
            case "textDocument/publishDiagnostics":
                Log("publishDiagnostics: " + message["params"]!.ToJsonString());
                _diagnostics.Add(message["params"]!);
                break;
            case "workspace/configuration":
                var items = message["params"]!["items"]!.AsArray();
                Reply(message, new JsonArray(items.Select(_ => (JsonNode)Settings()).ToArray()));
                break;
            case not null when message["id"] is not null:
                Log("server request answered with null: " + method);
                Reply(message, null);
                break;
            default:
                if (message["error"] is { } error)
                {
                    Log("error response: " + error.ToJsonString());
                }

                break;
        }
    }

    private void Reply(JsonNode request, JsonNode? result) =>
        Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = request["id"]!.DeepClone(), ["result"] = result });

    private static JsonNode? ReadMessage(Stream stream)
    {
        var length = -1;
        var line = new StringBuilder();
        while (true)
        {
            var next = stream.ReadByte();
            if (next < 0)
            {
                return null;
            }

            if (next != '\n')
            {
                line.Append((char)next);
                continue;
            }

            var header = line.ToString().TrimEnd('\r');
            line.Clear();
            if (header.Length == 0)
            {
                break;
            }

            if (header.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(header["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        var body = new byte[length];
        stream.ReadExactly(body);
        return JsonNode.Parse(body);
    }

    private void Log(string line)
    {
        lock (_log)
        {
            _log.Append(DateTime.UtcNow.ToString("HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture)).Append(' ').AppendLine(line);
        }
    }
}
