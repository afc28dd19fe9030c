using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using NewsMonitor.Delivery.Digests;

namespace NewsMonitor.Delivery.Channels;

/// <summary>Sends a digest as one multipart/alternative email (plain text and HTML) with MailKit.</summary>
public sealed class EmailSender(IOptions<SmtpOptions> options)
{
    /// <param name="messageId">The same for every attempt at one item, so a mail system that drops duplicate Message-IDs drops a repeat.</param>
    public async Task SendAsync(Subscription subscription, Digest digest, string html, string text, string messageId, CancellationToken cancellationToken = default)
    {
        var smtp = options.Value;
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            throw new DeliveryException($"subscription {subscription.Id}: email is configured but Monitor:Smtp:Host is not set");
        }

        using var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.From));
        foreach (var address in subscription.Email)
        {
            message.To.Add(MailboxAddress.Parse(address));
        }

        message.MessageId = $"{messageId}@newsmonitor";
        message.Subject = Subject(digest);
        message.Headers.Add("X-NewsMonitor-Subscription", subscription.Id);
        message.Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();

        using var client = new SmtpClient();
        try
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, Security(smtp.Security), cancellationToken).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(smtp.User))
            {
                await client.AuthenticateAsync(smtp.User, smtp.Password ?? string.Empty, cancellationToken).ConfigureAwait(false);
            }

            await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
            await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SmtpCommandException or SmtpProtocolException or AuthenticationException or System.Net.Sockets.SocketException or IOException or SslHandshakeException)
        {
            throw new DeliveryException($"subscription {subscription.Id}: the SMTP server {smtp.Host}:{smtp.Port} did not accept the digest: {ex.Message}", ex);
        }
    }

    public static string Subject(Digest digest) => digest.ItemCount == 0
        ? $"{digest.SubscriptionName}: nothing new"
        : $"{digest.SubscriptionName}: {digest.ItemCount} new {(digest.ItemCount == 1 ? "article" : "articles")}";

    private static SecureSocketOptions Security(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        _ => SecureSocketOptions.Auto,
    };
}
