using HyperCrm.Customers.Customers;
using HyperCrm.Framework.Domain;

namespace HyperCrm.Customers.Domain.Customers;

public sealed class OnlyPeopleBelongToCompaniesRule(Customer customer, Customer? company) : IBusinessRule
{
    public string Code => "Customers:CompanyMustBeACompany";
    public string Message => "Only a person can belong to a company, and only to a customer that is a company.";
    public bool IsBroken() => company is not null && (customer.Kind != CustomerKind.Person || company.Kind != CustomerKind.Company
        || company.Id == customer.Id);
}
