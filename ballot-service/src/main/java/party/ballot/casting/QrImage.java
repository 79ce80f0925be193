package party.ballot.casting;

import io.nayuki.qrcodegen.QrCode;

/**
 * A code's voting link as a QR symbol, for the slip a voter scans: its dark modules as one SVG path over a square of
 * {@code size} modules (each row's runs of dark modules as one rectangle each), so that a page draws it, and prints
 * it sharply, without a picture to fetch or a library.
 */
public record QrImage(int size, String path) {

    public static QrImage of(String text) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM); // survives a crease or a smudge on a paper slip
        var path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                int run = 0;
                while (x + run < qr.size && qr.getModule(x + run, y)) {
                    run++;
                }
                if (run > 0) {
                    path.append('M').append(x).append(',').append(y).append('h').append(run).append("v1h-")
                            .append(run).append('z');
                    x += run;
                }
            }
        }
        return new QrImage(qr.size, path.toString());
    }
}
