package dev.ignis.asyncqueue.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.contracts.internal.InternalCredential;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** In a cluster this service answers only the platform's own callers; health stays open. */
class InternalCallersTest {

    final InternalCredential credential = InternalCredential.of("s3cret");

    @Test
    void aCallerWithoutTheInternalCredentialIsRefusedInACluster() throws Exception {
        assertThat(call(true, "/2015-03-31/functions/web/invocations", null).getStatus())
                .isEqualTo(403);
        assertThat(call(true, "/2015-03-31/functions/web/invocations", "guess").getHeader("x-amzn-ErrorType"))
                .isEqualTo("AccessDeniedException");
        assertThat(call(true, "/actuator/prometheus", null).getStatus()).isEqualTo(403);
    }

    @Test
    void theCredentialOrHealthPassesAndLocallyNothingIsRequired() throws Exception {
        assertThat(call(true, "/2015-03-31/functions/web/invocations", "s3cret").getStatus())
                .isEqualTo(200);
        assertThat(call(true, "/readyz", null).getStatus()).isEqualTo(200);
        assertThat(call(false, "/2015-03-31/functions/web/invocations", null).getStatus())
                .isEqualTo(200);
    }

    private MockHttpServletResponse call(boolean required, String path, String presented) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        if (presented != null) {
            request.addHeader(InternalCredential.HEADER, presented);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        new InternalCallers()
                .internalCallerFilter(credential, new InternalCallers.Properties(Path.of("unused"), required))
                .getFilter()
                .doFilter(request, response, new MockFilterChain());
        return response;
    }
}
