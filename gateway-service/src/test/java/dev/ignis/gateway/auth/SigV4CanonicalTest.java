package dev.ignis.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/**
 * AWS's published SigV4 test suite (credentials AKIDEXAMPLE, 20150830T123600Z, us-east-1, service
 * {@code service}): the canonical request, its hash and the final signature must all match.
 */
class SigV4CanonicalTest {

    static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    static final String DATE = "20150830T123600Z";
    static final String SCOPE = "20150830/us-east-1/service/aws4_request";

    @Test
    void getVanilla_matchesThePublishedCanonicalRequestAndSignature() {
        String canonical =
                SigV4Canonical.canonicalRequest("GET", "/", null, vanillaHeaders(), signed(), Sha256.EMPTY_PAYLOAD);

        assertThat(canonical)
                .isEqualTo("GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n"
                        + Sha256.EMPTY_PAYLOAD);
        assertThat(Sha256.hex(canonical)).isEqualTo("bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63");
        assertThat(sign(canonical)).isEqualTo("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
    }

    @Test
    void getVanillaQueryOrderKeyCase_sortsTheQueryBeforeSigning() {
        String canonical = SigV4Canonical.canonicalRequest(
                "GET", "/", "Param2=value2&Param1=value1", vanillaHeaders(), signed(), Sha256.EMPTY_PAYLOAD);

        assertThat(sign(canonical)).isEqualTo("b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500");
    }

    @Test
    void encodesTheWirePathASecondTime_asSdksDoForEveryServiceButS3() {
        assertThat(
                        SigV4Canonical.canonicalUri(
                                "/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A000000000000%3Afunction%3Aweb/invocations"))
                .isEqualTo(
                        "/2015-03-31/functions/arn%253Aaws%253Alambda%253Aus-east-1%253A000000000000%253Afunction%253Aweb"
                                + "/invocations");
        assertThat(SigV4Canonical.canonicalUri("")).isEqualTo("/");
        assertThat(SigV4Canonical.canonicalUri("/a/./b/../c/")).isEqualTo("/a/c/");
    }

    @Test
    void reencodesQueryComponentsStrictlyAndSortsByNameThenValue() {
        assertThat(SigV4Canonical.canonicalQuery("b=2&a=x%2Fy&a=1&flag&c=hello world"))
                .isEqualTo("a=1&a=x%2Fy&b=2&c=hello%20world&flag=");
    }

    @Test
    void collapsesInnerSpacesOfHeaderValuesAndJoinsRepeatedOnes() {
        HttpHeaders headers = new HttpHeaders();
        headers.add("My-Header1", "  value1   with   spaces ");
        headers.add("My-Header1", "second");

        String canonical =
                SigV4Canonical.canonicalRequest("GET", "/", "", headers, List.of("my-header1"), Sha256.EMPTY_PAYLOAD);

        assertThat(canonical).contains("\nmy-header1:value1 with spaces,second\n");
    }

    private static HttpHeaders vanillaHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Host", "example.amazonaws.com");
        headers.set("X-Amz-Date", DATE);
        return headers;
    }

    private static List<String> signed() {
        return List.of("host", "x-amz-date");
    }

    private static String sign(String canonicalRequest) {
        String stringToSign = SigV4Canonical.stringToSign(DATE, SCOPE, Sha256.hex(canonicalRequest));
        byte[] key = SigningKeys.derive(SECRET, "20150830", "us-east-1", "service");
        return Sha256.toHex(Sha256.hmac(key, stringToSign));
    }
}
