using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Iklim.StackSdk.Tests.Support;

/// <summary>
/// A stand-in for the APISIX Admin API on 127.0.0.1 (ephemeral port) that records every request and answers
/// 200, or <see cref="FailAt"/>'s status for the request with that index.
/// </summary>
internal sealed class RecordingAdminApi : IDisposable
{
    private readonly HttpListener _listener;
    private readonly Task _loop;
    private readonly List<RecordedRequest> _requests = new();

    public RecordingAdminApi()
    {
        (_listener, Port) = Listen();
        _loop = Task.Run(Serve);
    }

    public int Port { get; }

    /// <summary>
    /// HttpListener cannot bind port 0, so a free port is found first; another process (test assemblies run in
    /// parallel) may take it before the listener binds, and then the next free port is tried.
    /// </summary>
    private static (HttpListener Listener, int Port) Listen()
    {
        for (var attempt = 1; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return (listener, port);
            }
            catch (HttpListenerException) when (attempt < 20)
            {
                listener.Close();
            }
        }
    }

    public string AdminUrl => $"http://127.0.0.1:{Port}/apisix/admin";

    public (int Index, int Status)? FailAt { get; set; }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return _requests.ToList();
            }
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }

    private async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            int index;
            lock (_requests)
            {
                index = _requests.Count;
                _requests.Add(new RecordedRequest(
                    context.Request.HttpMethod,
                    Uri.UnescapeDataString(context.Request.Url!.AbsolutePath),
                    context.Request.Headers["X-API-KEY"],
                    context.Request.ContentType,
                    Encoding.UTF8.GetString(body.ToArray())));
            }

            context.Response.StatusCode = FailAt is { } fail && fail.Index == index ? fail.Status : 200;
            var answer = Encoding.UTF8.GetBytes("{}");
            await context.Response.OutputStream.WriteAsync(answer);
            context.Response.Close();
        }
    }
}

/// <summary>One request as the Admin API saw it; <see cref="Path"/> is percent-decoded.</summary>
internal sealed record RecordedRequest(string Method, string Path, string? ApiKey, string? ContentType, string Body);
