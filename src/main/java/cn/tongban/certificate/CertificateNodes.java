package cn.tongban.certificate;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.tongban.platform.graphql.ApiException;
import cn.tongban.platform.graphql.NodeLookup;
import cn.tongban.platform.security.Subject;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/** Certificates in {@code node(id)}: the holder's own (or their delegate's view), like {@code certificate(id)}. */
@Component
class CertificateNodes implements NodeLookup.Batched {

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

	/** Several certificates in one read, each opened as {@link #find} opens it (a delegate's looks logged). */
	@Override
	@PreAuthorize(CertificateController.HOLDERS)
	public Map<String, Found> findAll(List<String> ids) {
		Subject viewer = Subject.current();
		Holder.idOf(viewer); // not a holder: refused for every id, as find refuses each
		Map<String, Certificate> openable = this.certificates.openableBy(viewer, ids);
		return Batched.each(ids, (id) -> Optional.ofNullable(openable.get(id))
			.orElseThrow(() -> ApiException.onField("id", CertificateError.CERTIFICATE_NOT_FOUND, id)));
	}

}
