using System.Text;
using CstmML.Ingestion.Json;

namespace CstmML.Ingestion.Tests.Json;

public sealed class Utf8StringCacheTests
{
    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("arn:aws:iam::111122291271:role/app-154")]
    [InlineData("Boto3/1.34.69 md/Botocore#1.34.69 ua/2.0 os/linux#6.1 \u007f~")]
    public void GetAscii_AsciiBytes_SameStringAsUtf8Decoding(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Assert.Equal(text, new Utf8StringCache().GetAscii(bytes));
        Assert.Equal(new Utf8StringCache().Get(bytes), new Utf8StringCache().GetAscii(bytes));
    }

    [Fact]
    public void GetAscii_SameBytesAgain_SameInstanceAsGet()
    {
        var cache = new Utf8StringCache();
        var first = cache.Get("us-east-1"u8);
        Assert.Same(first, cache.GetAscii("us-east-1"u8));
        var second = cache.GetAscii("eu-west-1"u8);
        Assert.Same(second, cache.Get("eu-west-1"u8));
        Assert.NotSame(first, second);
    }
}
