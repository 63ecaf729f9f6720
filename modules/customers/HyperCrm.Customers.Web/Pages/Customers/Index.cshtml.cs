using System.Globalization;
using HyperCrm.Customers.Customers;
using HyperCrm.Framework.Application;
using HyperCrm.Framework.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HyperCrm.Customers.Web.Pages.Customers;

[Authorize(CustomersPermissions.Default)]
public sealed class IndexModel(ICustomerAppService customers, IAuthorizationService authorization) : PageModel
{
    public PagedResultDto<CustomerListItemDto> Result { get; private set; } = new(0, []);
    public PagerModel Pager { get; private set; } = new(1, 25, 0);
    public string? Filter { get; private set; }
    public CustomerKind? Kind { get; private set; }
    public CustomerSegment? Segment { get; private set; }
    public bool CanCreate { get; private set; }
    public bool CanExport { get; private set; }

    public async Task OnGetAsync(string? filter, CustomerKind? kind, CustomerSegment? segment, int page = 1)
    {
        (Filter, Kind, Segment) = (filter, kind, segment);
        var input = new GetCustomerListInput { Filter = filter, Kind = kind, Segment = segment, Page = Math.Max(1, page) };
        Result = await customers.GetListAsync(input, HttpContext.RequestAborted);
        var query = (kind is null ? string.Empty : $"&kind={kind}") + (segment is null ? string.Empty : $"&segment={segment}");
        Pager = new PagerModel(input.Page, input.Take, Result.TotalCount, filter, Result.TotalIsLowerBound,
            query.Length == 0 ? null : query);
        CanCreate = (await authorization.AuthorizeAsync(User, CustomersPermissions.Create)).Succeeded;
        CanExport = (await authorization.AuthorizeAsync(User, CustomersPermissions.Export)).Succeeded;
    }

    /// <summary>The filtered list as CSV in the reader's culture (UTF-8 with BOM, its list separator), streamed row by row.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? filter, CustomerKind? kind, CustomerSegment? segment)
    {
        if (!(await authorization.AuthorizeAsync(User, CustomersPermissions.Export)).Succeeded) return Forbid();
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=customers-{DateTime.UtcNow:yyyyMMdd-HHmm}.csv";
        await customers.WriteCsvAsync(new GetCustomerListInput { Filter = filter, Kind = kind, Segment = segment }, Response.Body,
            CultureInfo.CurrentCulture,
            HttpContext.RequestAborted);
        return new EmptyResult();
    }
}
