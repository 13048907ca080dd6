<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI P5 -> plain reading text (UTF-8).

  Structure shows as blank lines (between blocks), indentation (quotations,
  verse, list items with hanging indents), centred title lines and underlined
  headings; footnotes are marked with symbols (* † ‡ § ‖ ¶) and printed at the
  end. Furniture (fw) and page breaks are left out unless furniture=1.

  The promise that tests hold this stylesheet to: the output adds no word
  (letter or digit run) of its own. With furniture=1 its words are exactly the
  words of the text nodes under TEI <text>, leaving out only the editor's side
  of a choice (corr, reg, expan): marks, brackets and rules are symbols.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <xsl:import href="../common/common.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <!-- Furniture (fw, pb) is not part of the reading text: off by default here. -->
  <xsl:param name="furniture" select="'0'"/>
  <!-- The header's facts (title, author, date, source, licence, checksum)
       before the text: off by default, since they are not words of the text. -->
  <xsl:param name="header" select="'0'"/>
  <!-- Line width for wrapping, centring and right alignment; 0: one line per
       paragraph (best for text mining). -->
  <xsl:param name="width" select="'72'"/>

  <xsl:variable name="line-width" select="number(concat('0', translate($width, translate($width, '0123456789', ''), '')))"/>
  <!-- A hard line break inside a paragraph (a list or verse in a line of text):
       a private-use character that normalize-space keeps. -->
  <xsl:variable name="BR" select="'&#xE000;'"/>
  <xsl:variable name="NL" select="'&#10;'"/>
  <xsl:variable name="spaces" select="'                                                                                                                                '"/>

  <!-- ================================================================== -->
  <!-- Document                                                            -->
  <!-- ================================================================== -->

  <xsl:template match="/">
    <xsl:if test="$header = '1'">
      <xsl:call-template name="header-lines"/>
    </xsl:if>
    <xsl:choose>
      <xsl:when test="$texts">
        <xsl:apply-templates select="$texts" mode="block"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="/*" mode="block"/>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:call-template name="endnotes"/>
  </xsl:template>

  <xsl:template name="header-lines">
    <xsl:call-template name="lines">
      <xsl:with-param name="text" select="$doc-title"/>
    </xsl:call-template>
    <xsl:if test="$doc-author != ''">
      <xsl:call-template name="lines">
        <xsl:with-param name="text" select="$doc-author"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:if test="$doc-date-words != ''">
      <xsl:call-template name="lines">
        <xsl:with-param name="text" select="concat('Date: ', $doc-date-words)"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:for-each select="$doc-sources">
      <xsl:call-template name="lines">
        <xsl:with-param name="text" select="concat('Source: ', normalize-space(.))"/>
        <xsl:with-param name="indent" select="'  '"/>
        <xsl:with-param name="first" select="''"/>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:if test="$licence-text != ''">
      <xsl:call-template name="lines">
        <xsl:with-param name="text" select="concat('Licence: ', $licence-text)"/>
        <xsl:with-param name="indent" select="'  '"/>
        <xsl:with-param name="first" select="''"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:if test="$doc-checksum != ''">
      <xsl:value-of select="concat('SHA-256: ', $doc-checksum, $NL)"/>
    </xsl:if>
    <xsl:value-of select="concat($NL, '========', $NL, $NL)"/>
  </xsl:template>

  <!-- ================================================================== -->
  <!-- Line layout                                                         -->
  <!-- ================================================================== -->

  <!-- A paragraph: the inline rendering of the context element, laid out as
       lines, then a blank line. -->
  <xsl:template name="paragraph">
    <xsl:param name="indent" select="''"/>
    <xsl:param name="first" select="$indent"/>
    <xsl:param name="align" select="'left'"/>
    <xsl:param name="underline" select="''"/>
    <xsl:param name="blank" select="true()"/>
    <xsl:variable name="content">
      <xsl:call-template name="line-content"/>
    </xsl:variable>
    <xsl:variable name="text" select="normalize-space($content)"/>
    <xsl:if test="translate($text, concat($BR, ' '), '') != ''">
      <xsl:call-template name="lines">
        <xsl:with-param name="text" select="$text"/>
        <xsl:with-param name="indent" select="$indent"/>
        <xsl:with-param name="first" select="$first"/>
        <xsl:with-param name="align" select="$align"/>
        <xsl:with-param name="underline" select="$underline"/>
      </xsl:call-template>
      <xsl:if test="$blank">
        <xsl:value-of select="$NL"/>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <!-- Lines of a text that may hold hard breaks ($BR): each part wrapped. -->
  <xsl:template name="lines">
    <xsl:param name="text"/>
    <xsl:param name="indent" select="''"/>
    <xsl:param name="first" select="$indent"/>
    <xsl:param name="align" select="'left'"/>
    <xsl:param name="underline" select="''"/>
    <xsl:variable name="part" select="normalize-space(substring-before(concat($text, $BR), $BR))"/>
    <xsl:variable name="rest" select="substring-after($text, $BR)"/>
    <xsl:if test="$part != ''">
      <xsl:call-template name="wrap">
        <xsl:with-param name="text" select="$part"/>
        <xsl:with-param name="indent" select="$indent"/>
        <xsl:with-param name="first" select="$first"/>
        <xsl:with-param name="align" select="$align"/>
      </xsl:call-template>
      <xsl:if test="$underline != ''">
        <xsl:variable name="length">
          <xsl:choose>
            <xsl:when test="$line-width &gt; 0 and string-length($part) &gt; $line-width">
              <xsl:value-of select="$line-width"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:value-of select="string-length($part)"/>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:call-template name="repeat">
          <xsl:with-param name="text" select="$underline"/>
          <xsl:with-param name="count" select="$length"/>
        </xsl:call-template>
        <xsl:value-of select="$NL"/>
      </xsl:if>
    </xsl:if>
    <xsl:if test="normalize-space(translate($rest, $BR, ' ')) != ''">
      <xsl:call-template name="lines">
        <xsl:with-param name="text" select="$rest"/>
        <xsl:with-param name="indent" select="$indent"/>
        <xsl:with-param name="first">
          <xsl:choose>
            <xsl:when test="$part != ''">
              <xsl:value-of select="$indent"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:value-of select="$first"/>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
        <xsl:with-param name="align" select="$align"/>
        <xsl:with-param name="underline" select="$underline"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- One part wrapped at $line-width: greedy, at spaces only (a word longer
       than the line stays whole). -->
  <xsl:template name="wrap">
    <xsl:param name="text"/>
    <xsl:param name="indent" select="''"/>
    <xsl:param name="first" select="$indent"/>
    <xsl:param name="align" select="'left'"/>
    <xsl:variable name="room" select="$line-width - string-length($first)"/>
    <!-- A very long paragraph (a one-line file of megabytes) is halved at a space first:
         line by line, the recursion would pass libxslt's depth limit and copy the rest
         of the text once per line. Below 20,000 characters the wrapping is unchanged. -->
    <xsl:variable name="half">
      <xsl:if test="$line-width &gt; 0 and string-length($text) &gt; 20000">
        <xsl:call-template name="last-space">
          <xsl:with-param name="text" select="$text"/>
          <xsl:with-param name="position" select="floor(string-length($text) div 2)"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="string($half) != '' and $half &gt; 1">
        <xsl:call-template name="wrap">
          <xsl:with-param name="text" select="substring($text, 1, $half - 1)"/>
          <xsl:with-param name="indent" select="$indent"/>
          <xsl:with-param name="first" select="$first"/>
          <xsl:with-param name="align" select="$align"/>
        </xsl:call-template>
        <xsl:call-template name="wrap">
          <xsl:with-param name="text" select="substring($text, $half + 1)"/>
          <xsl:with-param name="indent" select="$indent"/>
          <xsl:with-param name="first" select="$indent"/>
          <xsl:with-param name="align" select="$align"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$line-width &lt;= 0 or string-length($text) &lt;= $room">
        <xsl:call-template name="emit-line">
          <xsl:with-param name="prefix" select="$first"/>
          <xsl:with-param name="line" select="$text"/>
          <xsl:with-param name="align" select="$align"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="at">
          <xsl:call-template name="last-space">
            <xsl:with-param name="text" select="$text"/>
            <xsl:with-param name="position" select="$room + 1"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:variable name="cut">
          <xsl:choose>
            <xsl:when test="$at &gt; 1">
              <xsl:value-of select="$at"/>
            </xsl:when>
            <xsl:when test="contains($text, ' ')">
              <xsl:value-of select="string-length(substring-before($text, ' ')) + 1"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:value-of select="string-length($text) + 1"/>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:call-template name="emit-line">
          <xsl:with-param name="prefix" select="$first"/>
          <xsl:with-param name="line" select="substring($text, 1, $cut - 1)"/>
          <xsl:with-param name="align" select="$align"/>
        </xsl:call-template>
        <xsl:if test="string-length($text) &gt; $cut">
          <xsl:call-template name="wrap">
            <xsl:with-param name="text" select="substring($text, $cut + 1)"/>
            <xsl:with-param name="indent" select="$indent"/>
            <xsl:with-param name="first" select="$indent"/>
            <xsl:with-param name="align" select="$align"/>
          </xsl:call-template>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Position of the last space at or before $position (0: none). Steps back
       a character at a time: about a word's length per line. -->
  <xsl:template name="last-space">
    <xsl:param name="text"/>
    <xsl:param name="position"/>
    <xsl:choose>
      <xsl:when test="$position &lt; 1">0</xsl:when>
      <xsl:when test="substring($text, $position, 1) = ' '">
        <xsl:value-of select="$position"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="last-space">
          <xsl:with-param name="text" select="$text"/>
          <xsl:with-param name="position" select="$position - 1"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="emit-line">
    <xsl:param name="prefix"/>
    <xsl:param name="line"/>
    <xsl:param name="align" select="'left'"/>
    <xsl:variable name="free" select="$line-width - string-length($prefix) - string-length($line)"/>
    <xsl:value-of select="$prefix"/>
    <xsl:if test="$line-width &gt; 0 and $free &gt; 0">
      <xsl:choose>
        <xsl:when test="$align = 'center'">
          <xsl:value-of select="substring($spaces, 1, floor($free div 2))"/>
        </xsl:when>
        <xsl:when test="$align = 'right'">
          <xsl:value-of select="substring($spaces, 1, $free)"/>
        </xsl:when>
      </xsl:choose>
    </xsl:if>
    <xsl:value-of select="concat($line, $NL)"/>
  </xsl:template>

  <xsl:template name="repeat">
    <xsl:param name="text"/>
    <xsl:param name="count"/>
    <xsl:if test="$count &gt; 0">
      <xsl:value-of select="$text"/>
      <xsl:call-template name="repeat">
        <xsl:with-param name="text" select="$text"/>
        <xsl:with-param name="count" select="$count - 1"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- The mark of footnote $number: * † ‡ § ‖ ¶, then doubled, tripled…
       Symbols, not numbers or letters, so that no word is added. -->
  <xsl:template name="note-symbol">
    <xsl:param name="number"/>
    <xsl:variable name="symbol" select="substring('*†‡§‖¶', ($number - 1) mod 6 + 1, 1)"/>
    <xsl:call-template name="repeat">
      <xsl:with-param name="text" select="$symbol"/>
      <xsl:with-param name="count" select="floor(($number - 1) div 6) + 1"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ================================================================== -->
  <!-- Block mode                                                          -->
  <!-- ================================================================== -->

  <xsl:template match="tei:text | tei:front | tei:body | tei:back | tei:group | tei:floatingText | tei:div
                       | tei:div1 | tei:div2 | tei:div3 | tei:div4 | tei:div5 | tei:div6 | tei:div7 | tei:titlePage
                       | tei:docTitle | tei:opener | tei:closer | tei:postscript | tei:argument | tei:sp
                       | tei:castList | tei:listBibl | tei:address | tei:cit | tei:figure" mode="block">
    <xsl:param name="indent" select="''"/>
    <xsl:call-template name="content">
      <xsl:with-param name="indent" select="$indent"/>
      <xsl:with-param name="container" select="true()"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Children as blocks when they are blocks, else one paragraph. -->
  <xsl:template name="content">
    <xsl:param name="indent" select="''"/>
    <xsl:param name="first" select="$indent"/>
    <xsl:param name="container" select="false()"/>
    <xsl:variable name="blocks">
      <xsl:call-template name="has-blocks"/>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$blocks = '1' or ($container and * and not(text()[normalize-space()]))">
        <xsl:if test="$first != $indent">
          <xsl:value-of select="concat(substring($first, 1, string-length($first) - 1), $NL)"/>
        </xsl:if>
        <xsl:apply-templates mode="block">
          <xsl:with-param name="indent" select="$indent"/>
        </xsl:apply-templates>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="paragraph">
          <xsl:with-param name="indent" select="$indent"/>
          <xsl:with-param name="first" select="$first"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:head" mode="block">
    <xsl:param name="indent" select="''"/>
    <xsl:variable name="division">
      <xsl:call-template name="is-division-head"/>
    </xsl:variable>
    <xsl:variable name="level">
      <xsl:call-template name="heading-level"/>
    </xsl:variable>
    <xsl:call-template name="paragraph">
      <xsl:with-param name="indent" select="$indent"/>
      <xsl:with-param name="underline">
        <xsl:if test="$division = '1'">
          <xsl:choose>
            <xsl:when test="$level &lt;= 2">=</xsl:when>
            <xsl:otherwise>-</xsl:otherwise>
          </xsl:choose>
        </xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:p | tei:ab | tei:bibl | tei:label | tei:speaker | tei:stage | tei:addrLine | tei:salute
                       | tei:byline | tei:docEdition | tei:docImprint | tei:imprimatur | tei:meeting | tei:caption
                       | tei:figDesc | tei:docTitle/tei:title" mode="block">
    <xsl:param name="indent" select="''"/>
    <xsl:call-template name="paragraph">
      <xsl:with-param name="indent" select="$indent"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Title-page lines are centred. -->
  <xsl:template match="tei:titlePart | tei:docAuthor | tei:docDate | tei:trailer" mode="block">
    <xsl:param name="indent" select="''"/>
    <xsl:call-template name="paragraph">
      <xsl:with-param name="indent" select="$indent"/>
      <xsl:with-param name="align" select="'center'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A dateline and a signature stand at the right. -->
  <xsl:template match="tei:dateline | tei:signed" mode="block">
    <xsl:param name="indent" select="''"/>
    <xsl:call-template name="paragraph">
      <xsl:with-param name="indent" select="$indent"/>
      <xsl:with-param name="align" select="'right'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:quote | tei:q | tei:said | tei:epigraph" mode="block">
    <xsl:param name="indent" select="''"/>
    <xsl:call-template name="content">
      <xsl:with-param name="indent" select="concat($indent, '    ')"/>
      <xsl:with-param name="container" select="self::tei:epigraph"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Verse: a line each, the group indented, a blank line after it. -->
  <xsl:template match="tei:lg" mode="block">
    <xsl:param name="indent" select="''"/>
    <xsl:apply-templates mode="block">
      <xsl:with-param name="indent" select="concat($indent, '    ')"/>
    </xsl:apply-templates>
    <xsl:if test="not(tei:lg)">
      <xsl:value-of select="$NL"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:l" mode="block">
    <xsl:param name="indent" select="''"/>
    <xsl:call-template name="paragraph">
      <xsl:with-param name="indent" select="concat($indent, substring('    ', 1, 4 * number(not(parent::tei:lg))), '  ')"/>
      <xsl:with-param name="first" select="concat($indent, substring('    ', 1, 4 * number(not(parent::tei:lg))))"/>
      <xsl:with-param name="blank" select="false()"/>
    </xsl:call-template>
    <xsl:if test="not(following-sibling::*[1][self::tei:l]) and not(parent::tei:lg)">
      <xsl:value-of select="$NL"/>
    </xsl:if>
  </xsl:template>

  <!-- Lists: the source's labels ("1.") with a hanging indent; a bullet-like
       dash for items without one (numbers would be words of our own). -->
  <xsl:template match="tei:list" mode="block">
    <xsl:param name="indent" select="''"/>
    <xsl:apply-templates select="tei:head" mode="block">
      <xsl:with-param name="indent" select="$indent"/>
    </xsl:apply-templates>
    <xsl:for-each select="tei:item | tei:label[not(following-sibling::*[1][self::tei:item])]">
      <xsl:variable name="label-node" select="preceding-sibling::*[1][self::tei:label] | self::tei:label"/>
      <xsl:variable name="label">
        <xsl:choose>
          <xsl:when test="$label-node">
            <xsl:variable name="rendered">
              <xsl:apply-templates select="$label-node/node()" mode="inline"/>
            </xsl:variable>
            <xsl:value-of select="normalize-space(translate($rendered, $BR, ' '))"/>
          </xsl:when>
          <xsl:otherwise>-</xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:variable name="first" select="concat($indent, '  ', $label, ' ')"/>
      <xsl:variable name="hang" select="concat($indent, substring($spaces, 1, string-length($label) + 3))"/>
      <xsl:choose>
        <xsl:when test="self::tei:label">
          <xsl:value-of select="concat($indent, '  ', $label, $NL, $NL)"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:variable name="blocks">
            <xsl:call-template name="has-blocks"/>
          </xsl:variable>
          <xsl:choose>
            <xsl:when test="$blocks = '1'">
              <xsl:value-of select="concat(substring($first, 1, string-length($first) - 1), $NL)"/>
              <xsl:apply-templates mode="block">
                <xsl:with-param name="indent" select="$hang"/>
              </xsl:apply-templates>
            </xsl:when>
            <xsl:otherwise>
              <xsl:call-template name="paragraph">
                <xsl:with-param name="indent" select="$hang"/>
                <xsl:with-param name="first" select="$first"/>
              </xsl:call-template>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
    <xsl:apply-templates select="*[not(self::tei:item or self::tei:label or self::tei:head)]" mode="block">
      <xsl:with-param name="indent" select="$indent"/>
    </xsl:apply-templates>
  </xsl:template>

  <xsl:template match="tei:table" mode="block">
    <xsl:param name="indent" select="''"/>
    <xsl:apply-templates select="tei:head" mode="block">
      <xsl:with-param name="indent" select="$indent"/>
    </xsl:apply-templates>
    <xsl:for-each select="tei:row">
      <xsl:call-template name="paragraph">
        <xsl:with-param name="indent" select="concat($indent, '  ')"/>
        <xsl:with-param name="blank" select="false()"/>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:value-of select="$NL"/>
  </xsl:template>

  <xsl:template match="tei:cell" mode="inline">
    <xsl:if test="preceding-sibling::tei:cell">
      <xsl:text> | </xsl:text>
    </xsl:if>
    <xsl:apply-templates mode="inline"/>
  </xsl:template>

  <xsl:template match="tei:note" mode="block">
    <xsl:param name="indent" select="''"/>
    <xsl:variable name="footnote">
      <xsl:call-template name="is-footnote"/>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$footnote = '1'">
        <xsl:call-template name="paragraph">
          <xsl:with-param name="indent" select="$indent"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="note-body">
          <xsl:with-param name="indent" select="concat($indent, '    ')"/>
          <xsl:with-param name="first" select="concat($indent, '  ')"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:fw" mode="block">
    <xsl:param name="indent" select="''"/>
    <xsl:if test="$show-furniture">
      <xsl:variable name="content">
        <xsl:apply-templates mode="inline"/>
      </xsl:variable>
      <xsl:call-template name="lines">
        <xsl:with-param name="text" select="concat('⟦', normalize-space(translate($content, $BR, ' ')), '⟧')"/>
        <xsl:with-param name="indent" select="$indent"/>
      </xsl:call-template>
      <xsl:value-of select="$NL"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:pb" mode="block">
    <xsl:param name="indent" select="''"/>
    <xsl:if test="$show-furniture">
      <xsl:value-of select="concat($indent, '|', $NL, $NL)"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:milestone" mode="block">
    <xsl:call-template name="emit-line">
      <xsl:with-param name="prefix" select="''"/>
      <xsl:with-param name="line" select="'*   *   *'"/>
      <xsl:with-param name="align" select="'center'"/>
    </xsl:call-template>
    <xsl:value-of select="$NL"/>
  </xsl:template>

  <xsl:template match="tei:lb | tei:cb | tei:gb | tei:anchor" mode="block"/>

  <xsl:template match="text()" mode="block">
    <xsl:param name="indent" select="''"/>
    <xsl:if test="normalize-space()">
      <xsl:call-template name="lines">
        <xsl:with-param name="text" select="normalize-space()"/>
        <xsl:with-param name="indent" select="$indent"/>
      </xsl:call-template>
      <xsl:value-of select="$NL"/>
    </xsl:if>
  </xsl:template>

  <!-- Anything else as a block: a container of blocks, or a paragraph. -->
  <xsl:template match="*" mode="block">
    <xsl:param name="indent" select="''"/>
    <xsl:variable name="blocks">
      <xsl:call-template name="has-blocks"/>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$blocks = '1'">
        <xsl:apply-templates mode="block">
          <xsl:with-param name="indent" select="$indent"/>
        </xsl:apply-templates>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="content">
          <xsl:apply-templates select="." mode="inline"/>
        </xsl:variable>
        <xsl:if test="normalize-space(translate($content, $BR, ' ')) != ''">
          <xsl:call-template name="lines">
            <xsl:with-param name="text" select="normalize-space($content)"/>
            <xsl:with-param name="indent" select="$indent"/>
          </xsl:call-template>
          <xsl:value-of select="$NL"/>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================================== -->
  <!-- Inline mode: a string, with $BR for hard breaks                     -->
  <!-- ================================================================== -->

  <xsl:template match="text()" mode="inline">
    <xsl:value-of select="."/>
  </xsl:template>

  <!-- Word-level TEI (ELTeC level 2): a sentence's words and punctuation go
       through the "words" mode (common/structure.xsl), which drops the white
       space before closing and after opening punctuation. Only sentences pay
       for that test, not every text node of a novel. -->
  <xsl:template match="tei:s | tei:rs[not(@ref)][not(@type)] | tei:name[not(@ref)][not(@type)]" mode="inline">
    <xsl:apply-templates mode="words"/>
  </xsl:template>

  <!-- A word or punctuation mark (word-level TEI): its text, with a space
       before it when the source has none and the two are not joined. -->
  <xsl:template match="tei:w | tei:pc" mode="inline">
    <xsl:call-template name="word-space"/>
    <xsl:choose>
      <xsl:when test="* or @xml:id or @xml:lang">
        <xsl:apply-templates mode="inline"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="."/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Structural elements inside a line start a line of their own. -->
  <xsl:template match="tei:p | tei:ab | tei:l | tei:lg | tei:div | tei:div1 | tei:div2 | tei:div3 | tei:div4
                       | tei:div5 | tei:div6 | tei:div7 | tei:floatingText | tei:sp | tei:castList | tei:listBibl
                       | tei:figure | tei:titlePage | tei:head | tei:item | tei:listPerson | tei:listPlace
                       | tei:listOrg | tei:row | tei:table | tei:list" mode="inline">
    <xsl:value-of select="$BR"/>
    <xsl:apply-templates mode="inline"/>
    <xsl:value-of select="$BR"/>
  </xsl:template>

  <xsl:template match="tei:list/tei:label" mode="inline">
    <xsl:value-of select="$BR"/>
    <xsl:apply-templates mode="inline"/>
    <xsl:text> </xsl:text>
  </xsl:template>

  <xsl:template match="tei:list/tei:item[preceding-sibling::*[1][self::tei:label]]" mode="inline">
    <xsl:apply-templates mode="inline"/>
    <xsl:value-of select="$BR"/>
  </xsl:template>

  <xsl:template match="tei:note" mode="inline">
    <xsl:variable name="footnote">
      <xsl:call-template name="is-footnote"/>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$footnote = '1'">
        <xsl:variable name="number">
          <xsl:call-template name="footnote-number"/>
        </xsl:variable>
        <xsl:text>[</xsl:text>
        <xsl:call-template name="note-symbol">
          <xsl:with-param name="number" select="$number"/>
        </xsl:call-template>
        <xsl:text>]</xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$BR"/>
        <xsl:apply-templates mode="inline"/>
        <xsl:value-of select="$BR"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:gap" mode="inline">
    <xsl:text>[…]</xsl:text>
  </xsl:template>

  <xsl:template match="tei:supplied" mode="inline">
    <xsl:text>[</xsl:text>
    <xsl:apply-templates mode="inline"/>
    <xsl:text>]</xsl:text>
  </xsl:template>

  <!-- choice: the source's reading only (the editor's is not a word of the source). -->
  <xsl:template match="tei:choice" mode="inline">
    <xsl:variable name="source" select="tei:sic | tei:orig | tei:abbr | tei:seg | tei:unclear"/>
    <xsl:choose>
      <xsl:when test="$source">
        <xsl:apply-templates select="$source[1]" mode="inline"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="*[1]" mode="inline"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:fw" mode="inline">
    <xsl:if test="$show-furniture">
      <xsl:text> ⟦</xsl:text>
      <xsl:apply-templates mode="inline"/>
      <xsl:text>⟧ </xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:pb" mode="inline">
    <xsl:if test="$show-furniture">
      <xsl:text> | </xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:lb" mode="inline">
    <xsl:if test="not(@break = 'no')">
      <xsl:text> </xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:milestone" mode="inline">
    <xsl:text> * </xsl:text>
  </xsl:template>

  <!-- A pointer has no words of its own; what it points at is an attribute. -->
  <xsl:template match="tei:ptr | tei:cb | tei:gb | tei:anchor | tei:graphic | tei:media" mode="inline"/>

  <xsl:template match="*" mode="inline">
    <xsl:apply-templates mode="inline"/>
  </xsl:template>

  <!-- ================================================================== -->
  <!-- Notes at the end                                                    -->
  <!-- ================================================================== -->

  <xsl:template name="note-body">
    <xsl:param name="indent" select="''"/>
    <xsl:param name="first" select="$indent"/>
    <xsl:variable name="missing">
      <xsl:call-template name="is-missing-note"/>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$missing = '1'">
        <xsl:value-of select="concat($first, '[…]', $NL, $NL)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="content">
          <xsl:with-param name="indent" select="$indent"/>
          <xsl:with-param name="first" select="$first"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="endnotes">
    <xsl:variable name="notes" select="$footnotes"/>
    <xsl:if test="$notes">
      <xsl:value-of select="concat('――――――――――――', $NL, $NL)"/>
      <xsl:for-each select="$notes">
        <xsl:variable name="symbol">
          <xsl:call-template name="note-symbol">
            <xsl:with-param name="number" select="position()"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:call-template name="note-body">
          <xsl:with-param name="first" select="concat('[', $symbol, '] ')"/>
          <xsl:with-param name="indent" select="substring($spaces, 1, string-length($symbol) + 3)"/>
        </xsl:call-template>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
