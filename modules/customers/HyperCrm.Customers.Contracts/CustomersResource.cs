using HyperCrm.Framework.Localization;

namespace HyperCrm.Customers;

[LocalizationResourceName("Customers")]
public sealed class CustomersResource;
