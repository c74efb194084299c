package cn.tongban.certificate;

import cn.tongban.platform.graphql.NodeLookup;
import cn.tongban.platform.security.Subject;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/** Certificates in {@code node(id)}: the holder's own (or their delegate's view), like {@code certificate(id)}. */
@Component
class CertificateNodes implements NodeLookup {

	private final CertificateService certificates;

	CertificateNodes(CertificateService certificates) {
		this.certificates = certificates;
	}

	@Override
	public boolean owns(String id) {
		return id.startsWith("crt_");
	}

	@Override
	@PreAuthorize(CertificateController.HOLDERS)
	public Object find(String id) {
		return this.certificates.openFor(Subject.current(), id);
	}

}
