package io.livesubs.sink.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class HlsPlaylistWriterTest {

  @Test
  void writesLivePlaylistWithoutEndList() {
    String m3u8 =
        HlsPlaylistWriter.write(
            new MediaPlaylist(
                6,
                3,
                List.of(new MediaPlaylist.Segment(3, 6000), new MediaPlaylist.Segment(4, 6000)),
                false));
    assertEquals(
        "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:6\n#EXT-X-MEDIA-SEQUENCE:3\n"
            + "#EXTINF:6.000,\n3.vtt\n#EXTINF:6.000,\n4.vtt\n",
        m3u8);
    assertFalse(m3u8.contains("ENDLIST"));
  }

  @Test
  void endedPlaylistGetsEndListAndDecimalDuration() {
    String m3u8 =
        HlsPlaylistWriter.write(
            new MediaPlaylist(6, 0, List.of(new MediaPlaylist.Segment(0, 2500)), true));
    assertEquals(
        "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:6\n#EXT-X-MEDIA-SEQUENCE:0\n"
            + "#EXTINF:2.500,\n0.vtt\n#EXT-X-ENDLIST\n",
        m3u8);
  }

  @Test
  void modelRejectsGapsInSegmentNumbers() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new MediaPlaylist(
                6,
                0,
                List.of(new MediaPlaylist.Segment(0, 6000), new MediaPlaylist.Segment(2, 6000)),
                false));
  }
}
