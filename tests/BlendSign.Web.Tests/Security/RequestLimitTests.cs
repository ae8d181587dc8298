using System.Net;
using System.Net.Http.Headers;
using BlendSign.Data.Accounts;
using BlendSign.Data.Tests.Support;
using BlendSign.Web.Features.Reading;
using BlendSign.Web.Tests.Support;

namespace BlendSign.Web.Tests.Security;

/// <summary>A body over its route's limit is the client's error, 413, on the real server (probe item 7).</summary>
public sealed class RequestLimitTests
{
    [Theory]
    [InlineData(ReadingApiContract.MaxLabelBodyBytes + 1L)]
    [InlineData(25L << 20)]
    [InlineData(100L << 20)]
    public async Task LabelWrite_BodyOverItsLimit_413(long bytes)
    {
        using var database = new TestDatabase();
        await using var server = new KestrelServer(database);
        using var client = await KestrelSignIn.AsAsync(server, database, "big-body", Roles.Radiologist);
        var request = new HttpRequestMessage(HttpMethod.Put, ReadingApiContract.LabelPath("1.2.3")) { Content = new ZeroContent(bytes) };
        request.Headers.Add(ReadingApiContract.ClientHeader, "test");
        // As browsers and curl do for large bodies: the server may answer before the body is sent.
        request.Headers.ExpectContinue = true;

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    /// <summary>A body of zeros of a declared length, produced as it is sent (no 100 MB array).</summary>
    private sealed class ZeroContent : HttpContent
    {
        private readonly long _length;

        public ZeroContent(long length)
        {
            _length = length;
            Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var block = new byte[81920];
            for (var left = _length; left > 0; left -= block.Length)
            {
                try
                {
                    await stream.WriteAsync(block.AsMemory(0, (int)Math.Min(block.Length, left)));
                }
                catch (IOException)
                {
                    return; // the server answered and closed the request before the whole body
                }
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _length;
            return true;
        }
    }
}
