#!/usr/bin/env python3
# Makes ../resources/fonts/NotoSansSC-GB2312.ttf, the font the annual report (AnnualReport.java) is set in:
#   python3 report-font.py /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ../resources/fonts/NotoSansSC-GB2312.ttf
# (Debian: apt-get install fonts-noto-cjk; Python: fontTools). Only a maintainer runs it, once per font release.
import sys
from fontTools.ttLib import TTCollection, TTFont, newTable
from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen

source, out = sys.argv[1], sys.argv[2]
chars = set(range(0x20, 0x7F)) | set(range(0xA0, 0x180)) | set(range(0x2000, 0x2070)) | set(range(0x2100, 0x2200)) \
    | set(range(0x2460, 0x24A0)) | set(range(0x2500, 0x2600)) | set(range(0x25A0, 0x2700)) | set(range(0x3000, 0x3040)) \
    | set(range(0xFF00, 0xFFF0)) | {0x2212, 0x2264, 0x2265, 0x00D7, 0x00F7, 0x2116}
for hi in range(0xA1, 0xF8):
    for lo in range(0xA1, 0xFF):
        try:
            chars.add(ord(bytes([hi, lo]).decode('gb2312')))
        except UnicodeDecodeError:
            pass
font = TTCollection(source).fonts[2]
options = subset.Options()
options.layout_features = []
options.hinting = False
options.name_IDs = ['*']
options.notdef_outline = True
options.desubroutinize = True
subsetter = subset.Subsetter(options)
subsetter.populate(unicodes=chars)
subsetter.subset(font)

# CFF outlines to quadratic glyf outlines
order = font.getGlyphOrder()
glyphs = font.getGlyphSet()
glyf = newTable('glyf'); glyf.glyphOrder = order; glyf.glyphs = {}
for name in order:
    pen = TTGlyphPen(glyphs)
    glyphs[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
    glyf.glyphs[name] = pen.glyph()
font['glyf'] = glyf
font['loca'] = newTable('loca')
del font['CFF ']
if 'VORG' in font: del font['VORG']
maxp = font['maxp']; maxp.tableVersion = 0x00010000
for attr in ('maxZones','maxTwilightPoints','maxStorage','maxFunctionDefs','maxInstructionDefs','maxStackElements','maxSizeOfInstructions','maxComponentElements'):
    setattr(maxp, attr, 0)
maxp.maxZones = 1
font['head'].indexToLocFormat = 0
font['head'].glyphDataFormat = 0
font['post'].formatType = 3.0
font.sfntVersion = '\x00\x01\x00\x00'
font.save(out)
print(len(chars), 'code points,', len(order), 'glyphs')
