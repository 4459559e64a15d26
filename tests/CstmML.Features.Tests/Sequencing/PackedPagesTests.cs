using CstmML.Features.Sequencing;

namespace CstmML.Features.Tests.Sequencing;

public class PackedPagesTests
{
    [Fact]
    public void Return_PageOfTheStandardSize_IsReusedByTheNextRent()
    {
        var pages = new PackedPages();
        var page = pages.Rent();
        page.Bytes[100] = 42;

        pages.Return(page);

        Assert.Equal(1, pages.Free);
        Assert.Same(page, pages.Rent());
        Assert.Equal(0, pages.Free);
    }

    [Fact]
    public void Return_OtherSizeOrPoolFull_FreesThePage()
    {
        var pages = new PackedPages(maxFree: 1);
        var odd = new NativePage(1024);
        var first = pages.Rent();
        var second = pages.Rent();

        pages.Return(odd);
        pages.Return(first);
        pages.Return(second);

        Assert.Equal(1, pages.Free);
        Assert.Throws<ObjectDisposedException>(() => odd.Bytes.Length);
        Assert.Throws<ObjectDisposedException>(() => second.Bytes.Length);
        Assert.Equal(PackedPages.PageBytes, first.Bytes.Length);
    }

    [Fact]
    public void Bytes_WrittenAndRead_KeepTheirValuesAcrossThePage()
    {
        using var page = new NativePage(PackedPages.PageBytes);
        var bytes = page.Bytes;
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)(i * 31);
        }

        Assert.All(Enumerable.Range(0, PackedPages.PageBytes), i => Assert.Equal((byte)(i * 31), page.Bytes[i]));
    }
}
