package cn.tongban.code;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.Map;
import java.util.Random;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QrImageTests {

	/** Generated images are read as what they are, pure symbols (a camera frame needs the detector). */
	static String read(String dataUrl) throws Exception {
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(
				Base64.getDecoder().decode(dataUrl.substring("data:image/png;base64,".length()))));
		return new QRCodeReader()
			.decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
					Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE))
			.getText();
	}

	@Test
	void everyCodeReadsBack() throws Exception {
		Random random = new Random(20261122);
		for (int i = 0; i < 300; i++) {
			byte[] payload = new byte[98];
			random.nextBytes(payload);
			String code = "TB1." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload);
			assertThat(read(QrImage.pngDataUrl(code))).isEqualTo(code);
		}
	}

}
