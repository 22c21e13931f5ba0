using System.Threading.Channels;
using ItqanRecording.Application.Notifications.NotifyOpenPages;
using ItqanRecording.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ItqanRecording.Infrastructure.Notifications;

/// <summary>
/// Listens on PostgreSQL's <c>recording_available</c> channel, which a trigger on <c>recordings</c> notifies when a
/// recording becomes watchable (whichever instance saved it, and only once its transaction commits), and tells this
/// instance's open pages (<see cref="NotifyOpenPagesCommand"/>). The connection is its own, outside the pool; when it
/// drops it is opened again after <see cref="ReconnectDelay"/>, and pages reload their list when they reconnect.
/// </summary>
public sealed class RecordingAvailabilityListener(IServiceScopeFactory scopes, ILogger<RecordingAvailabilityListener> logger) : BackgroundService
{
    public const string Channel = "recording_available";

    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(5);

    private readonly Channel<Guid> _available = System.Threading.Channels.Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Whether the instance is listening now (a test waits for it before it makes a recording watchable).</summary>
    public bool IsListening { get; private set; }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(ListenAsync(stoppingToken), TellPagesAsync(stoppingToken));

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await OpenAsync(stoppingToken);
                connection.Notification += (_, e) =>
                {
                    if (Guid.TryParse(e.Payload, out var recordingId))
                    {
                        _available.Writer.TryWrite(recordingId);
                    }
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                IsListening = true;
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                IsListening = false;
                logger.LogWarning(exception, "Listening for ready recordings stopped; trying again in {Delay}", ReconnectDelay);
                try
                {
                    await Task.Delay(ReconnectDelay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var connectionString = scope.ServiceProvider.GetRequiredService<RecordingDbContext>().Database.GetConnectionString();
        // KeepAlive makes WaitAsync notice a connection that died quietly.
        var connection = new NpgsqlConnection(
            new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 30 }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private async Task TellPagesAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var recordingId in _available.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<ISender>().Send(new NotifyOpenPagesCommand(recordingId), stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogWarning(exception, "Open pages could not be told that recording {RecordingId} is ready", recordingId);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }
}
