using ItqanRecording.LiveKitEmulator.Protocol;

namespace ItqanRecording.LiveKitEmulator.Uploads;

/// <summary>
/// The request as <c>EgressInfo</c> echoes it: LiveKit replaces upload credentials by placeholders
/// (<c>{access_key}</c>, <c>{secret}</c>), so they never come back in a response, a listing or a webhook.
/// </summary>
public static class RequestEcho
{
    private static readonly string[] Secrets = ["access_key", "secret", "session_token"];

    public static ProtoMessage WithoutCredentials(ProtoMessage request)
    {
        var echo = Copy(request);
        if (request.GetMessage("file") is { } file)
        {
            echo.Set("file", WithoutCredentialsInOutput(file));
        }

        var outputs = request.GetMessages("file_outputs");
        if (outputs.Count > 0)
        {
            echo.Set("file_outputs", outputs.Select(o => (object)WithoutCredentialsInOutput(o)).ToList());
        }

        return echo;
    }

    private static ProtoMessage WithoutCredentialsInOutput(ProtoMessage output)
    {
        if (output.GetMessage("s3") is not { } s3)
        {
            return output;
        }

        var upload = Copy(s3);
        foreach (var name in Secrets.Where(name => s3.GetString(name).Length > 0))
        {
            upload.Set(name, $"{{{name}}}");
        }

        return Copy(output).Set("s3", upload);
    }

    private static ProtoMessage Copy(ProtoMessage message)
    {
        var copy = new ProtoMessage(message.Type);
        foreach (var field in message.Type.Fields)
        {
            if (message.Get(field) is { } value)
            {
                copy.Set(field, value);
            }
        }

        return copy;
    }
}
