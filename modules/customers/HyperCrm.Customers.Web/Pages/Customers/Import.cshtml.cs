using System.Text;
using HyperCrm.Customers.Import;
using HyperCrm.Framework.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using HyperCrm.Framework.Web;

namespace HyperCrm.Customers.Web.Pages.Customers;

/// <summary>CSV import: upload → preview and column mapping → background run with a live progress bar → report.</summary>
[Authorize(CustomersPermissions.Create)]
[RequestSizeLimit(MaxFileBytes + (64 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = MaxFileBytes + (64 * 1024))]
public sealed class ImportModel(ICustomerImportAppService imports, IStringLocalizer<CustomersResource> l) : PageModel
{
    public const int MaxFileBytes = 20 * 1024 * 1024;

    public CustomerImportDto? Import { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id)
    {
        if (id is null) return Page();
        return await LoadAsync(id.Value);
    }

    public async Task<IActionResult> OnGetProgressAsync(Guid id)
    {
        try
        {
            return Partial("_ImportProgress", await imports.GetAsync(id, HttpContext.RequestAborted));
        }
        catch (EntityNotFoundException)
        {
            return NotFound();
        }
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError(string.Empty, l["Import:NoFile"]);
            return Page();
        }
        if (file.Length > MaxFileBytes)
        {
            ModelState.AddModelError(string.Empty, l["Import:TooLarge", MaxFileBytes / 1024 / 1024]);
            return Page();
        }
        string content;
        using (var reader = new StreamReader(file.OpenReadStream(), new UTF8Encoding(false, throwOnInvalidBytes: true),
            detectEncodingFromByteOrderMarks: true))
        {
            try
            {
                content = await reader.ReadToEndAsync(HttpContext.RequestAborted);
            }
            catch (DecoderFallbackException)
            {
                ModelState.AddModelError(string.Empty, l["Import:NotUtf8"]);
                return Page();
            }
        }
        try
        {
            var import = await imports.UploadAsync(file.FileName, content, HttpContext.RequestAborted);
            return RedirectToPage(new { id = import.Id });
        }
        catch (BusinessException ex)
        {
            ModelState.AddModelError(string.Empty, HttpContext.ErrorText(ex));
            return Page();
        }
    }

    public async Task<IActionResult> OnPostStartAsync(Guid id, Dictionary<string, int> map)
    {
        try
        {
            await imports.StartAsync(id, (map ?? []).Where(m => m.Value >= 0).ToDictionary(), HttpContext.RequestAborted);
            return RedirectToPage(new { id });
        }
        catch (EntityNotFoundException)
        {
            return NotFound();
        }
        catch (BusinessException ex)
        {
            ModelState.AddModelError(string.Empty, HttpContext.ErrorText(ex));
            return await LoadAsync(id);
        }
    }

    private async Task<IActionResult> LoadAsync(Guid id)
    {
        try
        {
            Import = await imports.GetAsync(id, HttpContext.RequestAborted);
            return Page();
        }
        catch (EntityNotFoundException)
        {
            return NotFound();
        }
    }
}
