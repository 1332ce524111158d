package salesforce

import "strings"

// Hosts whose first label is the org's My Domain name, with enhanced domains
// (Salesforce Help, "My Domain URL Formats"): "<name>.<suffix>" for production,
// "<name>.<partition>.<suffix>" for the other kinds, e.g.
// "acme--dev.sandbox.lightning.force.com" or "acme-dev-ed.develop.my.site.com".
var myDomainSuffixes = []string{
	myDomainSuffix,             // login and API
	".lightning.force.com",     // Lightning Experience
	".my.salesforce-setup.com", // Setup
	".my.site.com",             // Experience Cloud sites
	".my.salesforce-sites.com", // Salesforce Sites
	".file.force.com",          // content files
}

// Visualforce hosts put a package label after the name: "<ns>--c.vf.force.com",
// "<ns>--<sandbox>--c.sandbox.vf.force.com"; before enhanced domains
// "<ns>--c.<instance>.visual.force.com" or "<ns>--c.visualforce.com".
var visualforceSuffixes = []string{".vf.force.com", ".visualforce.com", ".visual.force.com"}

// Salesforce clouds whose orgs the console's https://<namespace>.my.salesforce.com/
// cannot address: Government Cloud Plus ("<name>.my.salesforce.mil", Lightning
// on crmforce.mil) and Salesforce on Alibaba Cloud in China
// ("<name>.my.sfcrmproducts.cn", Lightning on sfcrmapps.cn). The suffixes are
// those the Salesforce CLI knows (forcedotcom/sfdx-core, src/util/sfdcUrl.ts).
var (
	govCloudPlusDomains = []string{"salesforce.mil", "crmforce.mil"}
	chinaDomains        = []string{"sfcrmproducts.cn", "sfcrmapps.cn"}
)

// Salesforce-owned domains: a host under them that is not one of the shapes above
// is a real Salesforce address that does not name an org (an instance such as
// na123.salesforce.com, help.salesforce.com, ...).
var salesforceDomains = []string{
	"salesforce.com", "force.com", "site.com", "salesforce-setup.com",
	"salesforce-sites.com", "visualforce.com", "cloudforce.com",
}

func orgFromHost(host string) (Org, error) {
	if _, shared := SharedLoginHost(host); shared {
		return Org{}, &OrgError{Reason: ReasonGenericLoginHost, Host: host}
	}
	for _, suffix := range myDomainSuffixes {
		if prefix, ok := strings.CutSuffix(host, suffix); ok {
			return orgFromLabels(host, strings.Split(prefix, "."), false)
		}
	}
	for _, suffix := range visualforceSuffixes {
		if prefix, ok := strings.CutSuffix(host, suffix); ok {
			return orgFromLabels(host, strings.Split(prefix, "."), true)
		}
	}
	switch {
	case underAny(host, govCloudPlusDomains):
		return Org{}, &OrgError{Reason: ReasonGovCloudPlus, Host: host}
	case underAny(host, chinaDomains):
		return Org{}, &OrgError{Reason: ReasonChina, Host: host}
	case legacySiteHost(host):
		return Org{}, &OrgError{Reason: ReasonLegacySite, Host: host}
	case underAny(host, salesforceDomains):
		return Org{}, &OrgError{Reason: ReasonNotMyDomain, Host: host}
	}
	// The namespace as the console shows it, typed without the host suffix:
	// "acme--dev.sandbox", "acme-dev-ed.develop".
	if name, partition, ok := strings.Cut(host, "."); ok {
		if kind, known := partitionKind(partition); known {
			return orgFromName(name, kind, false)
		}
	}
	return Org{}, &OrgError{Reason: ReasonNotSalesforce, Host: host}
}

// legacySiteHost reports whether host is a Salesforce Sites or Experience
// Cloud host from before enhanced domains, "<site>.force.com" or
// "<site>.secure.force.com". Its label is the name registered for Sites or
// for Experience Cloud, which need not be the org's My Domain name: enhanced
// domains are what put the My Domain name into site hosts (Help,
// "Considerations for Enhanced Domains"). So it names no org the console
// could address, and the admin is asked for the My Domain login URL.
func legacySiteHost(host string) bool {
	prefix, ok := strings.CutSuffix(host, ".force.com")
	if !ok {
		return false
	}
	prefix = strings.TrimSuffix(prefix, ".secure")
	return prefix != "" && prefix != "lightning" && prefix != "secure" && !strings.Contains(prefix, ".")
}

func underAny(host string, domains []string) bool {
	for _, d := range domains {
		if host == d || strings.HasSuffix(host, "."+d) {
			return true
		}
	}
	return false
}

// orgFromLabels reads the labels in front of a known suffix: the name label,
// optionally followed by a partition label ("sandbox", "develop", ...) or, for
// legacy Visualforce, an instance label such as "na1".
func orgFromLabels(host string, labels []string, visualforce bool) (Org, error) {
	label := labels[0]
	kind := Production
	switch {
	case len(labels) == 1:
	case len(labels) == 2 && isPartition(labels[1]):
		kind = Kind(labels[1])
	case len(labels) == 2 && visualforce && !strings.HasSuffix(host, ".vf.force.com"):
		// legacy instance label (na1, cs42, ...): carries no org information
	default:
		return Org{}, &OrgError{Reason: ReasonNotMyDomain, Host: host}
	}
	if visualforce {
		i := strings.LastIndex(label, sandboxMarker)
		if i <= 0 {
			return Org{}, &OrgError{Reason: ReasonNotMyDomain, Host: host}
		}
		label = label[:i]
	}
	if label == "" {
		return Org{}, &OrgError{Reason: ReasonNotMyDomain, Host: host}
	}
	// A host without a partition but with "--" is a sandbox host from before
	// enhanced domains ("acme--dev.my.salesforce.com"): the same sandbox, whose
	// current login host carries ".sandbox".
	return orgFromName(label, kind, kind == Production)
}

func isPartition(label string) bool {
	_, ok := partitionKind(label)
	return ok
}
