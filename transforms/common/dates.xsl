<?xml version="1.0" encoding="UTF-8"?>
<!--
  Dates in words, in both calendars.

  ENCODING.md 4: @when is always Gregorian; an Old-Style date also carries
  @when-custom (the Julian date) with @datingMethod="#julian", and its text
  is in the Julian calendar (@calendar="#julian"). Readers of Russian
  documents of 1917-1918 need both: "26 October 1917 (Julian) = 8 November 1917
  (Gregorian)". The conversion goes through the Julian Day Number, so it is
  right for any date, not only for the 13-day difference of the 20th century.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <!-- Gregorian dates up to this day are also shown in the Julian calendar,
       when the document declares a Julian calendar (Russia: until 1918-02-13). -->
  <xsl:param name="dual-until" select="'1918-02-13'"/>

  <xsl:variable name="julian-declared"
      select="boolean(/*/tei:teiHeader/tei:profileDesc/tei:calendarDesc/tei:calendar[contains(translate(@xml:id, 'JULIAN', 'julian'), 'julian')])"/>

  <!-- The shape of an ISO date: 9999-99-99, 9999-99, 9999, - -99-99 … -->
  <xsl:template name="iso-shape">
    <xsl:param name="iso"/>
    <xsl:value-of select="translate($iso, '0123456789', '9999999999')"/>
  </xsl:template>

  <xsl:template name="month-name">
    <xsl:param name="month"/>
    <xsl:choose>
      <xsl:when test="$month = 1">January</xsl:when>
      <xsl:when test="$month = 2">February</xsl:when>
      <xsl:when test="$month = 3">March</xsl:when>
      <xsl:when test="$month = 4">April</xsl:when>
      <xsl:when test="$month = 5">May</xsl:when>
      <xsl:when test="$month = 6">June</xsl:when>
      <xsl:when test="$month = 7">July</xsl:when>
      <xsl:when test="$month = 8">August</xsl:when>
      <xsl:when test="$month = 9">September</xsl:when>
      <xsl:when test="$month = 10">October</xsl:when>
      <xsl:when test="$month = 11">November</xsl:when>
      <xsl:when test="$month = 12">December</xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- An ISO date in words: 1917-11-08 -> "8 November 1917"; 1917-11 ->
       "November 1917"; - -10-24 -> "24 October"; anything else as it is. -->
  <xsl:template name="date-words">
    <xsl:param name="iso"/>
    <xsl:variable name="shape">
      <xsl:call-template name="iso-shape">
        <xsl:with-param name="iso" select="$iso"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="month-ok" select="number(substring($iso, 6, 2)) &gt;= 1 and number(substring($iso, 6, 2)) &lt;= 12"/>
    <xsl:choose>
      <xsl:when test="$shape = '9999-99-99' and $month-ok">
        <xsl:value-of select="number(substring($iso, 9, 2))"/>
        <xsl:text> </xsl:text>
        <xsl:call-template name="month-name">
          <xsl:with-param name="month" select="number(substring($iso, 6, 2))"/>
        </xsl:call-template>
        <xsl:text> </xsl:text>
        <xsl:value-of select="number(substring($iso, 1, 4))"/>
      </xsl:when>
      <xsl:when test="$shape = '9999-99' and $month-ok">
        <xsl:call-template name="month-name">
          <xsl:with-param name="month" select="number(substring($iso, 6, 2))"/>
        </xsl:call-template>
        <xsl:text> </xsl:text>
        <xsl:value-of select="number(substring($iso, 1, 4))"/>
      </xsl:when>
      <xsl:when test="$shape = '9999'">
        <xsl:value-of select="number($iso)"/>
      </xsl:when>
      <xsl:when test="$shape = '--99-99' and number(substring($iso, 3, 2)) &gt;= 1 and number(substring($iso, 3, 2)) &lt;= 12">
        <xsl:value-of select="number(substring($iso, 6, 2))"/>
        <xsl:text> </xsl:text>
        <xsl:call-template name="month-name">
          <xsl:with-param name="month" select="number(substring($iso, 3, 2))"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$shape = '--99' and number(substring($iso, 3, 2)) &gt;= 1 and number(substring($iso, 3, 2)) &lt;= 12">
        <xsl:call-template name="month-name">
          <xsl:with-param name="month" select="number(substring($iso, 3, 2))"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$iso"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Julian Day Number of a Gregorian (or, with julian=true(), a Julian) date. -->
  <xsl:template name="day-number">
    <xsl:param name="iso"/>
    <xsl:param name="julian"/>
    <xsl:variable name="y" select="number(substring($iso, 1, 4))"/>
    <xsl:variable name="m" select="number(substring($iso, 6, 2))"/>
    <xsl:variable name="d" select="number(substring($iso, 9, 2))"/>
    <xsl:variable name="a" select="floor((14 - $m) div 12)"/>
    <xsl:variable name="y2" select="$y + 4800 - $a"/>
    <xsl:variable name="m2" select="$m + 12 * $a - 3"/>
    <xsl:variable name="base" select="$d + floor((153 * $m2 + 2) div 5) + 365 * $y2 + floor($y2 div 4)"/>
    <xsl:choose>
      <xsl:when test="$julian">
        <xsl:value-of select="$base - 32083"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$base - floor($y2 div 100) + floor($y2 div 400) - 32045"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="iso-from-parts">
    <xsl:param name="y"/>
    <xsl:param name="m"/>
    <xsl:param name="d"/>
    <xsl:value-of select="concat(format-number($y, '0000'), '-', format-number($m, '00'), '-', format-number($d, '00'))"/>
  </xsl:template>

  <!-- The Julian calendar date of a Gregorian ISO date (YYYY-MM-DD). -->
  <xsl:template name="to-julian">
    <xsl:param name="iso"/>
    <xsl:variable name="jdn">
      <xsl:call-template name="day-number">
        <xsl:with-param name="iso" select="$iso"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="c" select="$jdn + 32082"/>
    <xsl:variable name="d" select="floor((4 * $c + 3) div 1461)"/>
    <xsl:variable name="e" select="$c - floor(1461 * $d div 4)"/>
    <xsl:variable name="m" select="floor((5 * $e + 2) div 153)"/>
    <xsl:call-template name="iso-from-parts">
      <xsl:with-param name="y" select="$d - 4800 + floor($m div 10)"/>
      <xsl:with-param name="m" select="$m + 3 - 12 * floor($m div 10)"/>
      <xsl:with-param name="d" select="$e - floor((153 * $m + 2) div 5) + 1"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The Gregorian calendar date of a Julian ISO date (YYYY-MM-DD). -->
  <xsl:template name="to-gregorian">
    <xsl:param name="iso"/>
    <xsl:variable name="jdn">
      <xsl:call-template name="day-number">
        <xsl:with-param name="iso" select="$iso"/>
        <xsl:with-param name="julian" select="true()"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="a" select="$jdn + 32044"/>
    <xsl:variable name="b" select="floor((4 * $a + 3) div 146097)"/>
    <xsl:variable name="c" select="$a - floor(146097 * $b div 4)"/>
    <xsl:variable name="d" select="floor((4 * $c + 3) div 1461)"/>
    <xsl:variable name="e" select="$c - floor(1461 * $d div 4)"/>
    <xsl:variable name="m" select="floor((5 * $e + 2) div 153)"/>
    <xsl:call-template name="iso-from-parts">
      <xsl:with-param name="y" select="100 * $b + $d - 4800 + floor($m div 10)"/>
      <xsl:with-param name="m" select="$m + 3 - 12 * floor($m div 10)"/>
      <xsl:with-param name="d" select="$e - floor((153 * $m + 2) div 5) + 1"/>
    </xsl:call-template>
  </xsl:template>

  <!-- One point in time in words, in both calendars where that helps.
       g: the Gregorian ISO date (may be empty); j: the Julian ISO date (may be
       empty); old-style: the text of the date is in the Julian calendar. -->
  <xsl:template name="date-pair">
    <xsl:param name="g"/>
    <xsl:param name="j"/>
    <xsl:param name="old-style"/>
    <xsl:variable name="g-full" select="translate($g, '0123456789', '9999999999') = '9999-99-99'"/>
    <xsl:variable name="j-full" select="translate($j, '0123456789', '9999999999') = '9999-99-99'"/>
    <xsl:variable name="julian">
      <xsl:choose>
        <xsl:when test="$j != ''">
          <xsl:value-of select="$j"/>
        </xsl:when>
        <xsl:when test="$g-full and ($old-style or ($julian-declared and number(translate($g, '-', '')) &gt;= 15821015 and number(translate($g, '-', '')) &lt;= number(translate($dual-until, '-', ''))))">
          <xsl:call-template name="to-julian">
            <xsl:with-param name="iso" select="$g"/>
          </xsl:call-template>
        </xsl:when>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="gregorian">
      <xsl:choose>
        <xsl:when test="$g != ''">
          <xsl:value-of select="$g"/>
        </xsl:when>
        <xsl:when test="$j-full">
          <xsl:call-template name="to-gregorian">
            <xsl:with-param name="iso" select="$j"/>
          </xsl:call-template>
        </xsl:when>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="g-words">
      <xsl:call-template name="date-words">
        <xsl:with-param name="iso" select="$gregorian"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="j-words">
      <xsl:call-template name="date-words">
        <xsl:with-param name="iso" select="$julian"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$julian != '' and $gregorian != '' and $old-style">
        <xsl:value-of select="concat($j-words, ' (Julian) = ', $g-words, ' (Gregorian)')"/>
      </xsl:when>
      <xsl:when test="$julian != '' and $gregorian != ''">
        <xsl:value-of select="concat($g-words, ' (Gregorian) = ', $j-words, ' (Julian)')"/>
      </xsl:when>
      <xsl:when test="$julian != ''">
        <xsl:value-of select="concat($j-words, ' (Julian)')"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$g-words"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- What a date or time element means, in words (empty when its attributes
       say nothing): the text shown on hover/focus in HTML and in the index. -->
  <xsl:template name="date-description">
    <xsl:variable name="old-style" select="contains(@calendar, 'julian') or contains(@calendar, 'Julian')"/>
    <xsl:variable name="custom-julian"
        select="contains(@datingMethod, 'julian') or contains(@datingMethod, 'Julian') or (not(@datingMethod) and $old-style)"/>
    <xsl:choose>
      <xsl:when test="@when or (@when-custom and $custom-julian)">
        <xsl:call-template name="date-pair">
          <xsl:with-param name="g" select="string(@when)"/>
          <xsl:with-param name="j" select="string(@when-custom[$custom-julian])"/>
          <xsl:with-param name="old-style" select="$old-style"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="@from or @to or (($custom-julian) and (@from-custom or @to-custom))">
        <xsl:if test="@from or @from-custom[$custom-julian]">
          <xsl:call-template name="date-pair">
            <xsl:with-param name="g" select="string(@from)"/>
            <xsl:with-param name="j" select="string(@from-custom[$custom-julian])"/>
            <xsl:with-param name="old-style" select="$old-style"/>
          </xsl:call-template>
        </xsl:if>
        <xsl:text> – </xsl:text>
        <xsl:if test="@to or @to-custom[$custom-julian]">
          <xsl:call-template name="date-pair">
            <xsl:with-param name="g" select="string(@to)"/>
            <xsl:with-param name="j" select="string(@to-custom[$custom-julian])"/>
            <xsl:with-param name="old-style" select="$old-style"/>
          </xsl:call-template>
        </xsl:if>
      </xsl:when>
      <xsl:when test="@notBefore or @notAfter">
        <xsl:if test="@notBefore">
          <xsl:text>not before </xsl:text>
          <xsl:call-template name="date-pair">
            <xsl:with-param name="g" select="string(@notBefore)"/>
            <xsl:with-param name="j" select="''"/>
            <xsl:with-param name="old-style" select="$old-style"/>
          </xsl:call-template>
        </xsl:if>
        <xsl:if test="@notBefore and @notAfter">
          <xsl:text>, </xsl:text>
        </xsl:if>
        <xsl:if test="@notAfter">
          <xsl:text>not after </xsl:text>
          <xsl:call-template name="date-pair">
            <xsl:with-param name="g" select="string(@notAfter)"/>
            <xsl:with-param name="j" select="''"/>
            <xsl:with-param name="old-style" select="$old-style"/>
          </xsl:call-template>
        </xsl:if>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- The other calendar of a date, for the reader who cannot hover: "[N.S.
       8 November 1917]" after a date written in the Julian calendar, "[O.S.
       23 November 1917]" after a Gregorian date of the time and place that
       used the Julian one (see date-pair). Nothing when the text already
       gives the other date beside it ("October 26 (November 8)"), encoded as
       a neighbouring date with the same @when. -->
  <xsl:template name="date-gloss">
    <xsl:variable name="key" select="concat(@when, '|', @from, '|', @to)"/>
    <xsl:variable name="near"
        select="preceding-sibling::*[1] | following-sibling::*[1]
                | parent::tei:supplied/preceding-sibling::*[1] | parent::tei:supplied/following-sibling::*[1]"/>
    <xsl:if test="$key != '||' and not($near/descendant-or-self::tei:date[concat(@when, '|', @from, '|', @to) = $key])">
      <xsl:variable name="old-style" select="contains(@calendar, 'julian') or contains(@calendar, 'Julian')"/>
      <xsl:variable name="words">
        <xsl:choose>
          <xsl:when test="@when">
            <xsl:call-template name="other-calendar">
              <xsl:with-param name="g" select="string(@when)"/>
              <xsl:with-param name="old-style" select="$old-style"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:when test="@from and @to">
            <xsl:call-template name="range-words">
              <xsl:with-param name="start">
                <xsl:call-template name="other-calendar">
                  <xsl:with-param name="g" select="string(@from)"/>
                  <xsl:with-param name="old-style" select="$old-style"/>
                </xsl:call-template>
              </xsl:with-param>
              <xsl:with-param name="end">
                <xsl:call-template name="other-calendar">
                  <xsl:with-param name="g" select="string(@to)"/>
                  <xsl:with-param name="old-style" select="$old-style"/>
                </xsl:call-template>
              </xsl:with-param>
            </xsl:call-template>
          </xsl:when>
        </xsl:choose>
      </xsl:variable>
      <xsl:if test="normalize-space(translate($words, '–', '')) != ''">
        <xsl:value-of select="concat('[', substring('O.S.N.S.', 1 + 4 * number(boolean($old-style)), 4), ' ', normalize-space($words), ']')"/>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <!-- Two dates in words as a range, saying a shared month and year once:
       "6–7 November 1917", "26 October – 8 November 1917", "February –
       7 November 1917", "1916 – 7 November 1917". -->
  <xsl:template name="range-words">
    <xsl:param name="start"/>
    <xsl:param name="end"/>
    <xsl:variable name="s1" select="substring-after($start, ' ')"/>
    <xsl:variable name="s2" select="substring-after($s1, ' ')"/>
    <xsl:variable name="e1" select="substring-after($end, ' ')"/>
    <xsl:variable name="e2" select="substring-after($e1, ' ')"/>
    <xsl:variable name="start-year" select="concat($s2, substring($s1, 1, string-length($s1) * number($s2 = '')))"/>
    <xsl:variable name="end-year" select="concat($e2, substring($e1, 1, string-length($e1) * number($e2 = '')))"/>
    <xsl:choose>
      <xsl:when test="$start = '' or $end = ''">
        <xsl:value-of select="concat($start, ' – ', $end)"/>
      </xsl:when>
      <xsl:when test="$s2 != '' and $s1 = $e1">
        <xsl:value-of select="concat(substring-before($start, ' '), '–', $end)"/>
      </xsl:when>
      <xsl:when test="$start-year != '' and $start-year = $end-year">
        <xsl:value-of select="concat(substring($start, 1, string-length($start) - string-length($start-year) - 1), ' – ', $end)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat($start, ' – ', $end)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A Gregorian ISO date in words in the other calendar: itself when the
       text is Old Style (the reader needs the New Style), else its Julian
       equivalent (full dates only). -->
  <xsl:template name="other-calendar">
    <xsl:param name="g"/>
    <xsl:param name="old-style"/>
    <xsl:choose>
      <xsl:when test="$old-style">
        <xsl:call-template name="date-words">
          <xsl:with-param name="iso" select="$g"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="translate($g, '0123456789', '9999999999') = '9999-99-99'">
        <xsl:call-template name="date-words">
          <xsl:with-param name="iso">
            <xsl:call-template name="to-julian">
              <xsl:with-param name="iso" select="$g"/>
            </xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- Days in a month (29 for February of a leap year, or of no year). -->
  <xsl:template name="month-days">
    <xsl:param name="month"/>
    <xsl:param name="year"/>
    <xsl:choose>
      <xsl:when test="$month = 2">
        <xsl:choose>
          <xsl:when test="$year = '' or ($year mod 4 = 0 and ($year mod 100 != 0 or $year mod 400 = 0))">29</xsl:when>
          <xsl:otherwise>28</xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:when test="$month = 4 or $month = 6 or $month = 9 or $month = 11">30</xsl:when>
      <xsl:otherwise>31</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- @when when it is a date that HTML's <time datetime> accepts, else empty
       (ranges, malformed dates such as 1917-02-30, years before 1). -->
  <xsl:template name="html-datetime">
    <xsl:variable name="value" select="string(@when)"/>
    <xsl:variable name="shape" select="translate($value, '0123456789', '9999999999')"/>
    <xsl:choose>
      <xsl:when test="$shape = '9999'">
        <xsl:if test="number($value) &gt; 0">
          <xsl:value-of select="$value"/>
        </xsl:if>
      </xsl:when>
      <xsl:when test="$shape = '9999-99'">
        <xsl:if test="number($value) != 0 and number(substring($value, 6, 2)) &gt;= 1 and number(substring($value, 6, 2)) &lt;= 12">
          <xsl:value-of select="$value"/>
        </xsl:if>
      </xsl:when>
      <xsl:when test="$shape = '9999-99-99' or $shape = '--99-99'">
        <xsl:variable name="offset" select="number($shape = '9999-99-99') * 3"/>
        <xsl:variable name="month" select="number(substring($value, 3 + $offset, 2))"/>
        <xsl:variable name="day" select="number(substring($value, 6 + $offset, 2))"/>
        <xsl:variable name="last">
          <xsl:call-template name="month-days">
            <xsl:with-param name="month" select="$month"/>
            <xsl:with-param name="year" select="substring(substring($value, 1, 4), 1, $offset * 2)"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:if test="$month &gt;= 1 and $month &lt;= 12 and $day &gt;= 1 and $day &lt;= $last and ($offset = 0 or number(substring($value, 1, 4)) &gt; 0)">
          <xsl:value-of select="$value"/>
        </xsl:if>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
