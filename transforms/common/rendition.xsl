<?xml version="1.0" encoding="UTF-8"?>
<!--
  Rendition: what @rend, @rendition (a pointer to a <rendition> of the
  header's tagsDecl), @style (CSS) and tagsDecl's tagUsage/@render say about
  how an element looked, reduced to one small vocabulary that every writer
  knows:

    italic bold upright smallcaps allcaps underline underline-double
    underline-wavy strike strike-double sup sub mono large small spaced
    center right left color:#rrggbb

  A writer gets these as a space-separated string with a space at each end
  (" italic color:#ff0000 ") and shows what its format can: HTML and FO all
  of them, LaTeX all but the colours it cannot name, plain text only capitals.
  A value nobody knows is left plain: never italic by default.

  The vocabulary is data: $rend-table maps the spellings found in TEI
  documents to a token; $colour-table gives the CSS colour names a value.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <!-- Spellings of @rend values, lower case, and the token each means. -->
  <xsl:variable name="rend-table"
      select="concat(' i=italic it=italic ital=italic italic=italic italics=italic italicised=italic italicized=italic',
                     ' oblique=italic slanted=italic b=bold bf=bold bold=bold strong=bold heavy=bold',
                     ' roman=upright rm=upright upright=upright normal=upright unitalic=upright plain=upright',
                     ' sc=smallcaps smcap=smallcaps smcaps=smallcaps smallcaps=smallcaps small-caps=smallcaps',
                     ' smallcap=smallcaps caps=smallcaps allcaps=allcaps all-caps=allcaps uc=allcaps upper=allcaps',
                     ' uppercase=allcaps capitals=allcaps u=underline ul=underline underline=underline',
                     ' underlined=underline uu=underline-double dul=underline-double underdouble=underline-double',
                     ' doubleunderline=underline-double double-underline=underline-double',
                     ' underline-double=underline-double underlinedouble=underline-double',
                     ' wavy=underline-wavy wavyunderline=underline-wavy wavy-underline=underline-wavy',
                     ' underwavy=underline-wavy underline-wavy=underline-wavy squiggly=underline-wavy',
                     ' strike=strike strikethrough=strike strike-through=strike strikeout=strike st=strike',
                     ' line-through=strike linethrough=strike overstrike=strike struck=strike crossed=strike',
                     ' doublestrike=strike-double double-strike=strike-double strikedouble=strike-double',
                     ' strike-double=strike-double dst=strike-double strikedoublethrough=strike-double',
                     ' doublestrikethrough=strike-double double-strikethrough=strike-double',
                     ' sup=superscript super=superscript',
                     ' superscript=superscript sup.=superscript raised=superscript sub=subscript',
                     ' subscript=subscript lowered=subscript mono=mono monospace=mono monospaced=mono',
                     ' typewriter=mono tt=mono code=mono courier=mono fixed=mono center=center centre=center',
                     ' centered=center centred=center right=right flushright=right alignright=right',
                     ' align-right=right right-aligned=right rightaligned=right left=left flushleft=left',
                     ' large=large larger=large big=large huge=large small=small smaller=small',
                     ' spaced=spaced letterspaced=spaced letter-spaced=spaced gesperrt=spaced sperrsatz=spaced ')"/>

  <!-- The tokens themselves (a @rend that is one of them needs no lookup);
       "upright" is not among them, since it cancels a default. -->
  <xsl:variable name="canonical-tokens"
      select="' italic bold smallcaps allcaps underline underline-double underline-wavy strike strike-double superscript subscript mono large small spaced '"/>

  <!-- CSS colour names and their values (the CSS 2.1 set and a few more). -->
  <xsl:variable name="colour-table"
      select="concat(' black=#000000 silver=#c0c0c0 gray=#808080 grey=#808080 white=#ffffff maroon=#800000',
                     ' red=#ff0000 purple=#800080 fuchsia=#ff00ff magenta=#ff00ff green=#008000 lime=#00ff00',
                     ' olive=#808000 yellow=#ffff00 navy=#000080 blue=#0000ff teal=#008080 aqua=#00ffff',
                     ' cyan=#00ffff orange=#ffa500 brown=#a52a2a pink=#ffc0cb darkred=#8b0000',
                     ' darkgreen=#006400 darkblue=#00008b gold=#ffd700 violet=#ee82ee indigo=#4b0082 ')"/>

  <xsl:variable name="upper" select="'ABCDEFGHIJKLMNOPQRSTUVWXYZ'"/>
  <xsl:variable name="lower" select="'abcdefghijklmnopqrstuvwxyz'"/>

  <!-- Are there element-wide renditions (tagsDecl/tagUsage/@render)? Most
       documents have none: then no element pays for a lookup. -->
  <xsl:variable name="tag-renditions"
      select="(/tei:TEI/tei:teiHeader | /tei:teiCorpus/tei:teiHeader)[1]/tei:encodingDesc/tei:tagsDecl//tei:tagUsage[@render]"/>

  <xsl:key name="rendition" match="tei:rendition[@xml:id]" use="@xml:id"/>

  <!-- The rendition tokens of the context element (see the header). -->
  <xsl:template name="rend-tokens">
    <xsl:variable name="tokens">
      <xsl:if test="$tag-renditions">
        <xsl:variable name="name" select="local-name()"/>
        <xsl:for-each select="$tag-renditions[@gi = $name]">
          <xsl:call-template name="rendition-pointers">
            <xsl:with-param name="pointers" select="@render"/>
          </xsl:call-template>
        </xsl:for-each>
      </xsl:if>
      <xsl:if test="@rend">
        <xsl:call-template name="rend-words">
          <xsl:with-param name="words" select="normalize-space(translate(@rend, $upper, $lower))"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:if test="@rendition">
        <xsl:call-template name="rendition-pointers">
          <xsl:with-param name="pointers" select="@rendition"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:if test="@style">
        <xsl:call-template name="css-tokens">
          <xsl:with-param name="css" select="@style"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:variable>
    <xsl:variable name="all" select="concat(' ', normalize-space($tokens), ' ')"/>
    <xsl:variable name="words" select="concat(' ', translate(normalize-space(@rend), $upper, $lower), ' ')"/>
    <!-- "underline double", "underline wavy", "strikethrough double": two words, one token. -->
    <xsl:choose>
      <xsl:when test="contains($all, ' underline ') and (contains($words, ' double ') or contains($words, ' wavy '))">
        <xsl:value-of select="concat(substring-before($all, ' underline '), ' underline-',
                                     substring('doublewavy', 1 + 6 * number(contains($words, ' wavy ')), 6 - 2 * number(contains($words, ' wavy '))),
                                     ' ', substring-after($all, ' underline '))"/>
      </xsl:when>
      <xsl:when test="contains($all, ' strike ') and contains($words, ' double ')">
        <xsl:value-of select="concat(substring-before($all, ' strike '), ' strike-double ', substring-after($all, ' strike '))"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$all"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The CSS of the context element for formats that take CSS as it is
       (HTML): @style and the CSS renditions it points to, without anything
       that could load a resource or run code. -->
  <xsl:template name="rend-css">
    <xsl:variable name="css">
      <xsl:if test="@rendition">
        <xsl:call-template name="rendition-css">
          <xsl:with-param name="pointers" select="normalize-space(@rendition)"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:if test="@style">
        <xsl:value-of select="concat(@style, ';')"/>
      </xsl:if>
    </xsl:variable>
    <xsl:if test="normalize-space($css) != ''">
      <xsl:call-template name="safe-css">
        <xsl:with-param name="css" select="normalize-space($css)"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="rendition-css">
    <xsl:param name="pointers"/>
    <xsl:variable name="first" select="substring-before(concat($pointers, ' '), ' ')"/>
    <xsl:variable name="rendition" select="key('rendition', substring-after($first, '#'))[not(@scope)]"/>
    <xsl:if test="$rendition and contains($rendition, ':')">
      <xsl:value-of select="concat(normalize-space($rendition), ';')"/>
    </xsl:if>
    <xsl:if test="contains($pointers, ' ')">
      <xsl:call-template name="rendition-css">
        <xsl:with-param name="pointers" select="substring-after($pointers, ' ')"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- CSS declarations that cannot fetch anything or escape the attribute. -->
  <xsl:template name="safe-css">
    <xsl:param name="css"/>
    <xsl:variable name="declaration" select="normalize-space(substring-before(concat($css, ';'), ';'))"/>
    <xsl:variable name="lowered" select="translate($declaration, $upper, $lower)"/>
    <xsl:if test="contains($declaration, ':') and not(contains($lowered, 'url(') or contains($lowered, 'expression')
                  or contains($lowered, 'javascript') or contains($lowered, '@') or contains($lowered, '\')
                  or contains($lowered, '&lt;') or contains($lowered, 'image') or contains($lowered, 'behavior')
                  or starts-with($lowered, 'position'))">
      <xsl:value-of select="concat($declaration, ';')"/>
    </xsl:if>
    <xsl:if test="contains($css, ';') and normalize-space(substring-after($css, ';')) != ''">
      <xsl:call-template name="safe-css">
        <xsl:with-param name="css" select="substring-after($css, ';')"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- Tokens of the renditions named by a list of pointers ("#bold #red"). -->
  <xsl:template name="rendition-pointers">
    <xsl:param name="pointers"/>
    <xsl:variable name="list" select="normalize-space($pointers)"/>
    <xsl:variable name="first" select="substring-before(concat($list, ' '), ' ')"/>
    <xsl:for-each select="key('rendition', substring-after($first, '#'))[not(@scope)][1]">
      <xsl:choose>
        <xsl:when test="contains(., ':')">
          <xsl:call-template name="css-tokens">
            <xsl:with-param name="css" select="."/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="rend-words">
            <xsl:with-param name="words" select="normalize-space(translate(., $upper, $lower))"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
    <xsl:if test="contains($list, ' ')">
      <xsl:call-template name="rendition-pointers">
        <xsl:with-param name="pointers" select="substring-after($list, ' ')"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- Tokens of @rend words (already lower case and normalized). -->
  <xsl:template name="rend-words">
    <xsl:param name="words"/>
    <xsl:variable name="word" select="substring-before(concat($words, ' '), ' ')"/>
    <xsl:choose>
      <xsl:when test="$word = ''"/>
      <xsl:when test="contains($rend-table, concat(' ', $word, '='))">
        <xsl:value-of select="concat(' ', substring-before(substring-after($rend-table, concat(' ', $word, '=')), ' '), ' ')"/>
      </xsl:when>
      <xsl:when test="starts-with($word, 'color(') or starts-with($word, 'colour(')">
        <xsl:call-template name="colour-token">
          <xsl:with-param name="value" select="substring-before(substring-after($word, '('), ')')"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="starts-with($word, 'color-') or starts-with($word, 'colour-') or starts-with($word, 'color:')">
        <xsl:call-template name="colour-token">
          <xsl:with-param name="value" select="substring-after(translate($word, ':', '-'), '-')"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="contains($colour-table, concat(' ', $word, '='))">
        <xsl:call-template name="colour-token">
          <xsl:with-param name="value" select="$word"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="contains($word, ':')">
        <!-- CSS written into @rend ("font-weight:bold"). -->
        <xsl:call-template name="css-tokens">
          <xsl:with-param name="css" select="$word"/>
        </xsl:call-template>
      </xsl:when>
    </xsl:choose>
    <xsl:if test="contains($words, ' ')">
      <xsl:call-template name="rend-words">
        <xsl:with-param name="words" select="substring-after($words, ' ')"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- " color:#rrggbb " for a CSS colour (name, #rgb, #rrggbb, rgb(r,g,b)); nothing when unknown. -->
  <xsl:template name="colour-token">
    <xsl:param name="value"/>
    <xsl:variable name="v" select="translate(normalize-space($value), concat($upper, ' '), $lower)"/>
    <xsl:variable name="hex" select="'0123456789abcdef'"/>
    <xsl:choose>
      <xsl:when test="starts-with($v, '#') and string-length($v) = 7 and translate(substring($v, 2), $hex, '') = ''">
        <xsl:value-of select="concat(' color:', $v, ' ')"/>
      </xsl:when>
      <xsl:when test="starts-with($v, '#') and string-length($v) = 4 and translate(substring($v, 2), $hex, '') = ''">
        <xsl:value-of select="concat(' color:#', substring($v, 2, 1), substring($v, 2, 1), substring($v, 3, 1),
                                     substring($v, 3, 1), substring($v, 4, 1), substring($v, 4, 1), ' ')"/>
      </xsl:when>
      <xsl:when test="starts-with($v, 'rgb(')">
        <xsl:variable name="parts" select="concat(substring-before(substring-after($v, '('), ')'), ',')"/>
        <xsl:variable name="r" select="number(substring-before($parts, ','))"/>
        <xsl:variable name="g" select="number(substring-before(substring-after($parts, ','), ','))"/>
        <xsl:variable name="b" select="number(substring-before(substring-after(substring-after($parts, ','), ','), ','))"/>
        <xsl:if test="$r &gt;= 0 and $r &lt;= 255 and $g &gt;= 0 and $g &lt;= 255 and $b &gt;= 0 and $b &lt;= 255">
          <xsl:value-of select="concat(' color:#',
              substring($hex, floor($r div 16) + 1, 1), substring($hex, $r mod 16 + 1, 1),
              substring($hex, floor($g div 16) + 1, 1), substring($hex, $g mod 16 + 1, 1),
              substring($hex, floor($b div 16) + 1, 1), substring($hex, $b mod 16 + 1, 1), ' ')"/>
        </xsl:if>
      </xsl:when>
      <xsl:when test="contains($colour-table, concat(' ', $v, '='))">
        <xsl:value-of select="concat(' color:', substring-before(substring-after($colour-table, concat(' ', $v, '=')), ' '), ' ')"/>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- Tokens of CSS declarations ("font-style: italic; color: red"). -->
  <xsl:template name="css-tokens">
    <xsl:param name="css"/>
    <xsl:variable name="declaration" select="substring-before(concat($css, ';'), ';')"/>
    <xsl:variable name="property" select="normalize-space(translate(substring-before($declaration, ':'), $upper, $lower))"/>
    <xsl:variable name="value" select="concat(' ', normalize-space(translate(substring-after($declaration, ':'), $upper, $lower)), ' ')"/>
    <xsl:choose>
      <xsl:when test="$property = 'font-style'">
        <xsl:choose>
          <xsl:when test="contains($value, 'italic') or contains($value, 'oblique')"> italic </xsl:when>
          <xsl:when test="contains($value, 'normal')"> upright </xsl:when>
        </xsl:choose>
      </xsl:when>
      <xsl:when test="$property = 'font-weight'">
        <xsl:if test="contains($value, 'bold') or number(normalize-space($value)) &gt;= 600"> bold </xsl:if>
      </xsl:when>
      <xsl:when test="$property = 'font-variant' or $property = 'font-variant-caps'">
        <xsl:if test="contains($value, 'small-caps')"> smallcaps </xsl:if>
      </xsl:when>
      <xsl:when test="$property = 'text-transform'">
        <xsl:if test="contains($value, 'uppercase')"> allcaps </xsl:if>
      </xsl:when>
      <xsl:when test="$property = 'text-decoration' or $property = 'text-decoration-line'">
        <xsl:choose>
          <xsl:when test="contains($value, 'underline') and contains($value, ' double ')"> underline-double </xsl:when>
          <xsl:when test="contains($value, 'underline') and contains($value, ' wavy ')"> underline-wavy </xsl:when>
          <xsl:when test="contains($value, 'underline')"> underline </xsl:when>
          <xsl:when test="contains($value, 'line-through') and contains($value, ' double ')"> strike-double </xsl:when>
          <xsl:when test="contains($value, 'line-through')"> strike </xsl:when>
        </xsl:choose>
      </xsl:when>
      <xsl:when test="$property = 'vertical-align'">
        <xsl:choose>
          <xsl:when test="contains($value, 'super')"> superscript </xsl:when>
          <xsl:when test="contains($value, ' sub ')"> subscript </xsl:when>
        </xsl:choose>
      </xsl:when>
      <xsl:when test="$property = 'font-family'">
        <xsl:if test="contains($value, 'mono') or contains($value, 'courier') or contains($value, 'typewriter')"> mono </xsl:if>
      </xsl:when>
      <xsl:when test="$property = 'text-align'">
        <xsl:choose>
          <xsl:when test="contains($value, 'center')"> center </xsl:when>
          <xsl:when test="contains($value, 'right') or contains($value, ' end ')"> right </xsl:when>
        </xsl:choose>
      </xsl:when>
      <xsl:when test="$property = 'font-size'">
        <xsl:choose>
          <xsl:when test="contains($value, 'larg') or contains($value, 'x-large')"> large </xsl:when>
          <xsl:when test="contains($value, 'small')"> small </xsl:when>
        </xsl:choose>
      </xsl:when>
      <xsl:when test="$property = 'letter-spacing'"> spaced </xsl:when>
      <xsl:when test="$property = 'color'">
        <xsl:call-template name="colour-token">
          <xsl:with-param name="value" select="$value"/>
        </xsl:call-template>
      </xsl:when>
    </xsl:choose>
    <xsl:if test="contains($css, ';') and normalize-space(substring-after($css, ';')) != ''">
      <xsl:call-template name="css-tokens">
        <xsl:with-param name="css" select="substring-after($css, ';')"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- The colour of a token string ("#ff0000"), '' when none. -->
  <xsl:template name="token-colour">
    <xsl:param name="tokens"/>
    <xsl:if test="contains($tokens, ' color:#')">
      <xsl:value-of select="substring(substring-after($tokens, ' color:'), 1, 7)"/>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
